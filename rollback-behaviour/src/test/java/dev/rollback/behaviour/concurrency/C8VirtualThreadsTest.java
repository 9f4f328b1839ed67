package dev.rollback.behaviour.concurrency;

import dev.rollback.Rollback;
import dev.rollback.behaviour.fixtures.ThreadState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform-thread side of C8 is every other test of this package; this one repeats them on virtual threads. */
@DisplayName("C8: scopes follow work onto virtual threads as onto platform threads")
@EnabledForJreRange(min = JRE.JAVA_21)
class C8VirtualThreadsTest extends ConcurrencyTest {

    private static ExecutorService virtualThreads() throws ReflectiveOperationException {
        return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }

    private static boolean onAVirtualThread() throws ReflectiveOperationException {
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
    }

    private static void stop(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tasksOnVirtualThreadsRecordInTheirScopeAndLeaveNoState() throws Exception {
        ExecutorService virtual = virtualThreads();
        try {
            ExecutorService bound = Rollback.executor(virtual);
            Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
                resources.acquire("platform");
                bound.submit(() -> {
                    assertThat(onAVirtualThread()).isTrue();
                    orchestrators.atomically(() -> resources.acquire("virtual, nested"));
                    return null;
                }).get();
                assertThat(virtual.submit(ThreadState::holdsRollbackState).get()).isFalse();
                throw new IllegalStateException("fail");
            }));
            assertThat(thrown).hasMessage("fail");
        } finally {
            stop(virtual);
        }
        assertThat(journal.withPrefix("release ")).containsExactly("virtual, nested", "platform");
    }

    @Test
    void anAsyncScopeSettlesOnAVirtualThreadAndItsTaskWaitWorksThere() throws Exception {
        Rollback.setTaskWait(Duration.ofSeconds(10));
        ExecutorService virtual = virtualThreads();
        try {
            CompletableFuture<String> caller = async.future(() -> CompletableFuture.supplyAsync(() -> {
                resources.acquire("on a virtual thread");
                throw new IllegalStateException("fails there");
            }, Rollback.executor(virtual)));
            assertThat(thrownBy(() -> caller.get(5, TimeUnit.SECONDS))).hasRootCauseMessage("fails there");
        } finally {
            stop(virtual);
        }
        assertThat(journal.withPrefix("release ")).containsExactly("on a virtual thread");
    }

    @Test
    void parallelCompensationRunsFromAVirtualThread() throws Exception {
        ExecutorService virtual = virtualThreads();
        try {
            Throwable thrown = virtual.submit(() -> thrownBy(() -> async.inParallel(() -> {
                resources.acquire("a");
                resources.acquire("b");
                throw new IllegalStateException("fail");
            }))).get();
            assertThat(thrown).hasMessage("fail");
        } finally {
            stop(virtual);
        }
        assertThat(journal.withPrefix("release ")).containsExactlyInAnyOrder("a", "b");
    }
}
