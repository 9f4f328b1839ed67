package dev.rollback.behaviour.concurrency;

import dev.rollback.Rollback;
import dev.rollback.RollbackScope;
import dev.rollback.RollbackStateException;
import dev.rollback.behaviour.fixtures.ThreadState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("C1: a wrapped task belongs to the scope open at wrap time, on whatever thread it runs, and leaves that thread as it was")
class C1TaskBindingTest extends ConcurrencyTest {

    @Test
    void undoesWhatTheOrchestratorItsPoolTasksAndItsSuppliedFuturesAcquired() {
        ExecutorService bound = Rollback.executor(pool);
        IllegalStateException failure = new IllegalStateException("third step failed");

        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("own");
            bound.submit(() -> resources.acquire("submitted")).get();
            CompletableFuture.supplyAsync(() -> resources.acquire("supplied"), bound).join();
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(journal.withPrefix("release ")).containsExactly("supplied", "submitted", "own");
    }

    @Test
    void aWrappedRunnableAndAWrappedCallableRecordInTheirScopeOnAThreadOfTheirOwn() throws Exception {
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            Runnable runnable = Rollback.wrap(() -> {
                resources.acquire("runnable");
            });
            Callable<String> callable = Rollback.wrap(() -> resources.acquire("callable"));
            Thread thread = new Thread(runnable);
            thread.start();
            thread.join();
            assertThat(pool.submit(callable).get()).isEqualTo("callable");
            throw new IllegalStateException("fail");
        }));

        assertThat(thrown).hasMessage("fail");
        assertThat(journal.withPrefix("release ")).containsExactly("callable", "runnable");
    }

    @Test
    void aTaskSeesItsScopeAsCurrentAndAWithRollbackInsideItNestsThere() throws Exception {
        AtomicReference<String> seenInTask = new AtomicReference<>();
        AtomicReference<String> opened = new AtomicReference<>();

        Throwable thrown = thrownBy(() -> orchestrators.named(() -> {
            opened.set(Rollback.current().orElseThrow().operationId());
            Rollback.executor(pool).submit(() -> {
                seenInTask.set(Rollback.current().map(RollbackScope::operationId).orElse("none"));
            }).get();
            Rollback.executor(pool).submit(() -> {
                orchestrators.atomically(() -> resources.acquire("nested in task"));
                return null;
            }).get();
            assertThat(Rollback.current().orElseThrow().pending()).extracting(c -> c.description())
                    .containsExactly("Resources.acquire(nested in task)");
            Rollback.executor(pool).execute(() -> { });
            throw new IllegalStateException("outer fails after the nested scope succeeded");
        }));

        assertThat(thrown).hasMessage("outer fails after the nested scope succeeded");
        assertThat(seenInTask.get()).isEqualTo(opened.get());
        assertThat(journal.withPrefix("release ")).containsExactly("nested in task");
    }

    @Test
    void aNestedScopeThatFailsInATaskCompensatesItsOwnRecordsOnly() throws Exception {
        orchestrators.atomically(() -> {
            resources.acquire("outer");
            Future<?> task = Rollback.executor(pool).submit(() -> {
                orchestrators.atomically(() -> {
                    resources.acquire("inner");
                    throw new IllegalStateException("inner fails");
                });
                return null;
            });
            assertThat(catchCause(task)).hasMessage("inner fails");
            assertThat(journal.withPrefix("release ")).containsExactly("inner");
        });

        assertThat(journal.withPrefix("release ")).containsExactly("inner");
    }

    @Test
    void aPooledThreadHoldsNoStateAfterATaskThatThrewOrLeftAScopeOpen() throws Exception {
        ExecutorService single = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
                Future<?> threw = Rollback.executor(single).submit(() -> {
                    resources.acquire("thrower");
                    throw new IllegalArgumentException("task fails");
                });
                assertThat(catchCause(threw)).hasMessage("task fails");
                Future<?> leftOpen = Rollback.executor(single).submit(() -> {
                    Rollback.begin("left open");
                    resources.acquire("in the scope left open");
                });
                Throwable problem = catchCause(leftOpen);
                assertThat(problem).isInstanceOf(RollbackStateException.class)
                        .hasMessageContaining("scope 'left open'").hasMessageContaining("it was rolled back");
                assertThat(journal.withPrefix("release ")).containsExactly("in the scope left open");
                assertThat(single.submit(ThreadState::holdsRollbackState).get()).as("state on the pooled thread").isFalse();
                throw new IllegalStateException("outer fails");
            }));
            assertThat(thrown).hasMessage("outer fails");
            assertThat(journal.withPrefix("release ")).containsExactly("in the scope left open", "thrower");
            assertThat(single.submit(ThreadState::holdsRollbackState).get()).as("state on the pooled thread").isFalse();
        } finally {
            single.shutdownNow();
            assertThat(single.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void withNoScopeOpenAtWrapTimeATaskRunsAsItWouldUnwrapped() throws Exception {
        Runnable task = () -> resources.acquire("unscoped");
        Callable<String> callable = () -> "plain";

        assertThat(Rollback.wrap(task)).isSameAs(task);
        assertThat(Rollback.wrap(callable)).isSameAs(callable);
        // a @Compensate call outside any scope may leave an empty thread-local entry (semantics 1 allows
        // it until the thread's next outermost scope closes), so it runs on a thread of its own
        ExecutorService own = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Rollback.executor(own).submit(task).get();
            assertThat(Rollback.executor(own).submit(() -> Rollback.current()).get()).isEmpty();
        } finally {
            own.shutdownNow();
            assertThat(own.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(journal.withPrefix("acquire ")).containsExactly("unscoped");
        assertThat(journal.withPrefix("release ")).isEmpty();
    }

    @Test
    void aTaskRunInlineOnTheScopesOwnThreadLeavesThatThreadInItsInnerScopeAgain() throws Exception {
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            RollbackScope outer = Rollback.current().orElseThrow();
            Executor inline = Rollback.executor(Runnable::run); // binds at submission, to 'inner' below
            Runnable task = Rollback.wrap(() -> {
                assertThat(Rollback.current()).contains(outer);
                resources.acquire("inline");
            });
            try (RollbackScope inner = Rollback.begin("around the inline task")) {
                task.run();
                assertThat(Rollback.current()).contains(inner);
                inline.execute(() -> assertThat(Rollback.current()).contains(inner));
                inner.commit();
            }
            assertThat(Rollback.current()).contains(outer);
            throw new IllegalStateException("fail");
        }));

        assertThat(thrown).hasMessage("fail");
        assertThat(journal.withPrefix("release ")).containsExactly("inline");
    }

    @Test
    void wrappingTwiceForTheSameScopeBindsOnce() {
        Rollback.run("outer", () -> {
            Runnable once = Rollback.wrap(() -> { });
            assertThat(Rollback.wrap(once)).isSameAs(once);
            Executor bound = Rollback.executor(pool);
            assertThat(Rollback.executor(bound)).isSameAs(bound);
        });
    }

    @Test
    void invokeAllAndInvokeAnyBindTheirTasks() throws Exception {
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            ExecutorService bound = Rollback.executor(pool);
            List<Future<String>> all = bound.invokeAll(List.of(() -> resources.acquire("all-1"), () -> resources.acquire("all-2")));
            for (Future<String> f : all) {
                f.get();
            }
            bound.invokeAny(List.of(() -> resources.acquire("any")));
            throw new IllegalStateException("fail");
        }));

        assertThat(thrown).hasMessage("fail");
        assertThat(journal.withPrefix("release ")).containsExactlyInAnyOrder("all-1", "all-2", "any");
    }

    @Test
    void aStageContinuedWithoutABoundExecutorIsNotInTheScope() {
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            Optional<RollbackScope> seen = CompletableFuture.supplyAsync(Rollback::current, pool).join();
            assertThat(seen).isEmpty();
            throw new IllegalStateException("fail");
        }));
        assertThat(thrown).hasMessage("fail");
    }

    private static Throwable catchCause(Future<?> future) throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the task to fail");
    }
}
