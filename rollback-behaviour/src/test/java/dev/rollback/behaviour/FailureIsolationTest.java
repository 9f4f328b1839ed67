package dev.rollback.behaviour;

import dev.rollback.Outcome;
import dev.rollback.RollbackIncompleteException;
import dev.rollback.RollbackReport;
import dev.rollback.Rollback;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Semantics 5: every compensation is attempted; each incomplete scope adds one suppressed RollbackIncompleteException")
class FailureIsolationTest extends BehaviourTest {

    @Test
    void aFailingCompensationDoesNotStopTheOthers() {
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("a");
            resources.acquireBrokenUndo("b");
            resources.acquire("c");
            throw new IllegalStateException("boom");
        }));
        assertThat(journal.entries()).containsExactly(
                "acquire a", "acquire b", "acquire c", "release c", "release-failed b", "release a");
    }

    @Test
    void theOriginalThrowableCarriesOneSuppressedReportWithEachFailureAttached() {
        IllegalStateException failure = new IllegalStateException("boom");
        Throwable thrown = thrownBy(() -> orchestrators.named(() -> {
            resources.acquireBrokenUndo("a");
            resources.acquire("b");
            resources.acquireBrokenUndo("c");
            throw failure;
        }));
        assertThat(thrown).isSameAs(failure);
        assertThat(thrown.getSuppressed()).hasSize(1).allMatch(RollbackIncompleteException.class::isInstance);
        RollbackIncompleteException incomplete = (RollbackIncompleteException) thrown.getSuppressed()[0];
        RollbackReport report = incomplete.report();
        assertThat(report.name()).isEqualTo("create-agent");
        assertThat(report.actions()).extracting(a -> a.description() + " " + a.outcome()).containsExactly(
                "Resources.acquireBrokenUndo(c) FAILED", "Resources.acquire(b) SUCCEEDED", "Resources.acquireBrokenUndo(a) FAILED");
        assertThat(report.completeness()).isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Arrays.stream(incomplete.getSuppressed()).map(Throwable::getMessage))
                .containsExactly("cannot release c", "cannot release a");
        assertThat(incomplete).hasMessage("rollback of 'create-agent' [" + report.operationId() + "] incomplete: 33.3%,"
                + " 2 of 3 compensations did not succeed: Resources.acquireBrokenUndo(c) (FAILED);"
                + " Resources.acquireBrokenUndo(a) (FAILED)");
    }

    @Test
    void eachIncompleteScopeAddsItsOwnSuppressedException() {
        IllegalStateException failure = new IllegalStateException("boom");
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquireBrokenUndo("outer");
            orchestrators.named(() -> {
                resources.acquireBrokenUndo("inner");
                throw failure;
            });
        }));
        assertThat(thrown).isSameAs(failure);
        assertThat(thrown.getSuppressed()).hasSize(2).allMatch(RollbackIncompleteException.class::isInstance);
        assertThat(Arrays.stream(thrown.getSuppressed()).map(s -> ((RollbackIncompleteException) s).report().name()))
                .containsExactly("create-agent", "Orchestrators.atomically");
    }

    @Test
    void aCompleteRollbackAddsNothingToTheOriginalThrowable() {
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("a");
            throw new IllegalStateException("boom");
        }));
        assertThat(thrown.getSuppressed()).isEmpty();
    }

    @Test
    void retriesAFailingCompensationWithBackoffUntilItSucceeds() {
        Rollback.setRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(4));
        try (var listener = new dev.rollback.behaviour.fixtures.RecordingListener()) {
            Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
                resources.acquireFlakyUndo("a");
                throw new IllegalStateException("boom");
            }));
            assertThat(thrown.getSuppressed()).isEmpty();
            assertThat(journal.withPrefix("release-attempt ")).containsExactly("a 1", "a 2", "a 3");
            assertThat(listener.onlyReport().actions().get(0).attempts()).isEqualTo(3);
            assertThat(listener.onlyReport().actions().get(0).outcome()).isEqualTo(Outcome.SUCCEEDED);
        } finally {
            Rollback.setRetryBackoff(Duration.ofMillis(50), Duration.ofSeconds(2));
        }
    }

    @Test
    void aCompensationFailsOnlyAfterItsRetries() {
        Rollback.setRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(4));
        try {
            Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
                resources.acquireHopelessUndo("a");
                throw new IllegalStateException("boom");
            }));
            assertThat(journal.withPrefix("release-attempt ")).containsExactly("a", "a", "a");
            RollbackReport report = ((RollbackIncompleteException) thrown.getSuppressed()[0]).report();
            assertThat(report.actions().get(0).attempts()).isEqualTo(3);
            assertThat(report.actions().get(0).error()).get().extracting(Throwable::getMessage).isEqualTo("hopeless release of a");
        } finally {
            Rollback.setRetryBackoff(Duration.ofMillis(50), Duration.ofSeconds(2));
        }
    }

    @Test
    void anErrorThrownByACompensationDoesNotStopTheOthers() {
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("a");
            Rollback.register("overflows", () -> {
                throw new StackOverflowError("deep");
            });
            resources.acquire("b");
            throw new IllegalStateException("boom");
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("b", "a");
        RollbackReport report = ((RollbackIncompleteException) thrown.getSuppressed()[0]).report();
        assertThat(report.actions()).extracting(a -> a.outcome()).containsExactly(Outcome.SUCCEEDED, Outcome.FAILED, Outcome.SUCCEEDED);
    }
}
