package dev.rollback.behaviour;

import dev.rollback.Rollback;
import dev.rollback.RollbackScope;
import dev.rollback.behaviour.fixtures.ThreadState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Semantics 1: entering a @WithRollback method opens a scope bound to the thread; closing the outermost leaves no state")
class ScopeLifecycleTest extends BehaviourTest {

    @Test
    void entersAScopeBoundToTheCurrentThreadForTheMethodsDuration() throws Exception {
        List<String> seen = new ArrayList<>();
        orchestrators.named(() -> seen.add(Rollback.current().map(RollbackScope::name).orElse("none")));
        assertThat(seen).containsExactly("create-agent");
        assertThat(Rollback.current()).isEmpty();
    }

    @Test
    void namesTheScopeSimpleClassDotMethodByDefault() throws Exception {
        List<String> seen = new ArrayList<>();
        orchestrators.atomically(() -> seen.add(Rollback.current().orElseThrow().name()));
        assertThat(seen).containsExactly("Orchestrators.atomically");
    }

    @Test
    void theScopeIsNotVisibleFromAnotherThread() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            List<Boolean> seen = new ArrayList<>();
            orchestrators.atomically(() -> seen.add(other.submit(() -> Rollback.current().isPresent()).get()));
            assertThat(seen).containsExactly(false);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void closesTheScopeWhenTheMethodThrows() {
        thrownBy(() -> orchestrators.atomically(() -> {
            throw new IllegalStateException("boom");
        }));
        assertThat(Rollback.current()).isEmpty();
        assertThat(ThreadState.holdsRollbackState()).isFalse();
    }

    @Test
    void leavesNoRollbackStateOnThePooledThreadAfterTheOutermostScopeCloses() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> states = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                states.add(pool.submit(() -> {
                    try {
                        orchestrators.atomically(() -> {
                            orchestrators.atomically(() -> resources.acquire("r" + n));
                            if (n % 2 == 0) {
                                throw new IllegalStateException("fail " + n);
                            }
                        });
                    } catch (Exception expected) {
                        assertThat(expected).hasMessage("fail " + n);
                    }
                    return ThreadState.holdsRollbackState();
                }));
            }
            for (Future<Boolean> state : states) {
                assertThat(state.get()).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nestedScopesRestoreTheEnclosingScopeWhenTheyClose() throws Exception {
        List<String> seen = new ArrayList<>();
        orchestrators.named(() -> {
            orchestrators.atomically(() -> seen.add(Rollback.current().orElseThrow().name()));
            seen.add(Rollback.current().orElseThrow().name());
        });
        assertThat(seen).containsExactly("Orchestrators.atomically", "create-agent");
    }
}
