package dev.rollback.behaviour;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Semantics 4: rollbackFor / noRollbackFor decide; the original throwable is rethrown as is")
class RollbackRulesTest extends BehaviourTest {

    @Test
    void anEmptyRollbackForRollsBackEveryThrowable() {
        Error error = new AssertionError("an error");
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("a");
            throw error;
        }));
        assertThat(thrown).isSameAs(error);
        assertThat(journal.withPrefix("release ")).containsExactly("a");
    }

    @Test
    void rethrowsTheSameCheckedExceptionInstanceUnwrapped() {
        SQLException failure = new SQLException("duplicate key");
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("a");
            throw failure;
        }));
        assertThat(thrown).isSameAs(failure).hasNoCause();
        assertThat(thrown.getSuppressed()).isEmpty();
    }

    @Test
    void rollsBackOnAThrowableMatchingRollbackFor() {
        thrownBy(() -> orchestrators.onlyForIo(() -> {
            resources.acquire("a");
            throw new NoSuchFileException("/x");
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("a");
    }

    @Test
    void doesNotRollBackOnAThrowableOutsideRollbackFor() {
        IllegalStateException failure = new IllegalStateException("not io");
        Throwable thrown = thrownBy(() -> orchestrators.onlyForIo(() -> {
            resources.acquire("a");
            throw failure;
        }));
        assertThat(thrown).isSameAs(failure);
        assertThat(journal.withPrefix("release ")).isEmpty();
    }

    @Test
    void doesNotRollBackOnAThrowableMatchingNoRollbackFor() {
        thrownBy(() -> orchestrators.exceptIllegalState(() -> {
            resources.acquire("a");
            throw new IllegalStateException("tolerated");
        }));
        assertThat(journal.withPrefix("release ")).isEmpty();
    }

    @Test
    void whenBothMatchTheCloserRollbackForWins() {
        thrownBy(() -> orchestrators.closerRollbackForWins(() -> {
            resources.acquire("a");
            throw new NoSuchFileException("/x");
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("a");
    }

    @Test
    void whenBothMatchTheCloserNoRollbackForWins() {
        thrownBy(() -> orchestrators.closerNoRollbackForWins(() -> {
            resources.acquire("a");
            throw new NoSuchFileException("/x");
        }));
        assertThat(journal.withPrefix("release ")).isEmpty();
    }

    @Test
    void atEqualDistanceNoRollbackForWins() {
        thrownBy(() -> orchestrators.tieGoesToNoRollbackFor(() -> {
            resources.acquire("a");
            throw new NoSuchFileException("/x");
        }));
        assertThat(journal.withPrefix("release ")).isEmpty();
    }

    @Test
    void aScopeThatDoesNotRollBackIsTreatedAsIfItHadReturned() {
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            try {
                orchestrators.exceptIllegalState(() -> {
                    resources.acquire("inner");
                    throw new IllegalStateException("tolerated");
                });
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("tolerated");
            }
            throw new IOException("outer fails");
        }));
        assertThat(thrown).hasMessage("outer fails");
        assertThat(journal.withPrefix("release ")).containsExactly("inner");
    }

    @Test
    void matchesRuntimeExceptionsByTheirOwnClassNotTheirCause() {
        thrownBy(() -> orchestrators.onlyForUncheckedIo(() -> {
            resources.acquire("a");
            throw new RuntimeException(new UncheckedIOException(new IOException("inner")));
        }));
        assertThat(journal.withPrefix("release ")).isEmpty();
    }
}
