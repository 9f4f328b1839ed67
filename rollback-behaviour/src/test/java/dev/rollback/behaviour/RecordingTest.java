package dev.rollback.behaviour;

import dev.rollback.CompensationConfigurationException;
import dev.rollback.behaviour.fixtures.Misconfigured;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Semantics 2: a @Compensate method records only after returning normally, and only inside a scope")
class RecordingTest extends BehaviourTest {

    @Test
    void recordsTheCompensationOnlyAfterTheMethodReturns() {
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("a");
            throw new IllegalStateException("boom");
        }));
        assertThat(journal.entries()).containsExactly("acquire a", "release a");
    }

    @Test
    void recordsNothingWhenNoScopeIsOpen() throws Exception {
        resources.acquire("outside");
        orchestrators.atomically(() -> resources.acquire("inside"));
        thrownBy(() -> orchestrators.atomically(() -> {
            throw new IllegalStateException("boom");
        }));
        assertThat(journal.entries()).containsExactly("acquire outside", "acquire inside");
    }

    @Test
    void recordsNothingWhenTheMethodThrows() {
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("a");
            try {
                resources.acquireThenThrow("b");
            } catch (IllegalArgumentException expected) {
                assertThat(expected).hasMessage("no b");
            }
            throw new IllegalStateException("boom");
        }));
        assertThat(thrown).hasMessage("boom");
        assertThat(journal.entries()).containsExactly("acquire a", "acquire-threw b", "release a");
    }

    @Test
    void stillRaisesConfigurationErrorsWhenNoScopeIsOpen() {
        int before = Misconfigured.BODY_RUNS.get();
        assertThatThrownBy(() -> new Misconfigured.MissingMethod().create("x"))
                .isInstanceOf(CompensationConfigurationException.class);
        assertThat(Misconfigured.BODY_RUNS.get()).isEqualTo(before);
    }
}
