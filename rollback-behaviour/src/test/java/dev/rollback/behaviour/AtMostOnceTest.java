package dev.rollback.behaviour;

import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import dev.rollback.RollbackScope;
import dev.rollback.RollbackStateException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Semantics 7: a scope is compensated at most once; a compensation that succeeded never runs again")
class AtMostOnceTest extends BehaviourTest {

    @Test
    void aCompensatedNestedScopeIsNotCompensatedAgainByTheEnclosingScope() {
        thrownBy(() -> orchestrators.atomically(() -> {
            orchestrators.atomically(() -> {
                resources.acquire("inner");
                throw new IllegalStateException("inner fails");
            });
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("inner");
    }

    @Test
    void closingAProgrammaticScopeTwiceRollsBackOnce() {
        RollbackScope scope = Rollback.begin("twice");
        resources.acquire("a");
        scope.close();
        scope.close();
        assertThat(journal.withPrefix("release ")).containsExactly("a");
    }

    @Test
    void committingAClosedScopeIsRefused() {
        RollbackScope scope = Rollback.begin("closed");
        scope.close();
        assertThatThrownBy(scope::commit).isInstanceOf(RollbackStateException.class)
                .hasMessage("commit() on scope 'closed' [" + scope.operationId() + "], which is already closed;"
                        + " accepted: commit() before close(), inside the try-with-resources block");
    }

    @Test
    void aFailedCompensationIsNotRetriedByTheEnclosingScope() {
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("outer");
            try {
                orchestrators.atomically(() -> {
                    resources.acquireBrokenUndo("inner");
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException expected) {
                assertThat(expected.getSuppressed()).hasSize(1).allMatch(RollbackIncompleteException.class::isInstance);
            }
            throw new IllegalStateException("outer fails");
        }));
        assertThat(journal.entries()).containsExactly(
                "acquire outer", "acquire inner", "release-failed inner", "release outer");
    }
}
