package dev.rollback.behaviour;

import dev.rollback.Rollback;
import dev.rollback.RollbackScope;
import dev.rollback.annotation.Propagation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Semantics 6: NESTED hands records up on success and compensates its own on failure; REQUIRES_NEW forgets on success")
class PropagationTest extends BehaviourTest {

    @Test
    void aFailingNestedScopeCompensatesItsOwnRecordsOnlyThenRethrows() {
        IllegalStateException failure = new IllegalStateException("inner fails");
        Throwable[] seenByOuter = new Throwable[1];
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("outer");
            try {
                orchestrators.atomically(() -> {
                    resources.acquire("inner");
                    throw failure;
                });
            } catch (IllegalStateException e) {
                seenByOuter[0] = e;
                assertThat(journal.withPrefix("release ")).containsExactly("inner");
            }
            throw new IllegalArgumentException("outer fails later");
        }));
        assertThat(seenByOuter[0]).isSameAs(failure);
        assertThat(journal.withPrefix("release ")).containsExactly("inner", "outer");
    }

    @Test
    void aSucceedingNestedScopeHandsItsRecordsToTheEnclosingScope() {
        thrownBy(() -> orchestrators.atomically(() -> {
            orchestrators.atomically(() -> resources.acquire("inner"));
            assertThat(journal.withPrefix("release ")).isEmpty();
            throw new IllegalStateException("outer fails");
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("inner");
    }

    @Test
    void aSucceedingRequiresNewScopeForgetsItsRecords() {
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("outer");
            orchestrators.independently(() -> resources.acquire("independent"));
            throw new IllegalStateException("outer fails");
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("outer");
    }

    @Test
    void aFailingRequiresNewScopeCompensatesItsOwnRecords() throws Exception {
        orchestrators.atomically(() -> {
            resources.acquire("outer");
            try {
                orchestrators.independently(() -> {
                    resources.acquire("independent");
                    throw new IllegalStateException("independent fails");
                });
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("independent fails");
            }
        });
        assertThat(journal.withPrefix("release ")).containsExactly("independent");
    }

    @Test
    void aRequiresNewProgrammaticScopeInsideAnAnnotatedOneIsIndependent() throws Exception {
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("outer");
            try (RollbackScope scope = Rollback.begin("independent", Propagation.REQUIRES_NEW)) {
                resources.acquire("independent");
                scope.commit();
            }
            throw new IllegalStateException("outer fails");
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("outer");
    }

    @Test
    void nestedRecordsSurviveSeveralLevelsUntilTheOutermostFails() {
        thrownBy(() -> orchestrators.atomically(() -> {
            orchestrators.atomically(() -> {
                orchestrators.atomically(() -> resources.acquire("deepest"));
                resources.acquire("middle");
            });
            throw new IllegalStateException("outer fails");
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("middle", "deepest");
    }
}
