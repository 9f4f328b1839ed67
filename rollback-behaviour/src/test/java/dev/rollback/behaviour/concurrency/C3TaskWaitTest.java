package dev.rollback.behaviour.concurrency;

import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("C3: before a scope rolls back it waits, at most the task wait, for its wrapped tasks still running")
class C3TaskWaitTest extends ConcurrencyTest {

    @AfterEach
    void defaultTaskWait() {
        Rollback.setTaskWait(Duration.ofSeconds(10));
    }

    @Test
    void aRollbackWaitsForATaskStillRunningAndUndoesWhatItRecordedMeanwhile() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicReference<Thread> orchestrator = new AtomicReference<>();
        Thread releaser = new Thread(() -> {
            // the orchestrator's thread is parked in the rollback, waiting for the task: let the task go on
            await().atMost(Duration.ofSeconds(10)).until(() -> orchestrator.get() != null
                    && orchestrator.get().getState() == Thread.State.TIMED_WAITING && waitsForTasks(orchestrator.get()));
            proceed.countDown();
        });

        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            orchestrator.set(Thread.currentThread());
            resources.acquire("first");
            Rollback.executor(pool).submit(() -> {
                started.countDown();
                proceed.await();
                return resources.acquire("recorded while the scope waited");
            });
            started.await();
            releaser.start();
            throw new IllegalStateException("fail while the task runs");
        }));
        releaser.join();

        assertThat(thrown).hasMessage("fail while the task runs");
        assertThat(journal.withPrefix("release ")).containsExactly("recorded while the scope waited", "first");
    }

    @Test
    void aRollbackWaitsNoLongerThanTheTaskWaitThenALateRecordIsUndoneAtOnce() throws Exception {
        Rollback.setTaskWait(Duration.ofMillis(20));
        CountDownLatch proceed = new CountDownLatch(1);
        List<RollbackReport> reports = new CopyOnWriteArrayList<>();
        RollbackListener listener = new RollbackListener() {
            @Override
            public void onRollback(RollbackReport report) {
                reports.add(report);
            }
        };
        Rollback.addListener(listener);
        try {
            AtomicReference<Future<String>> task = new AtomicReference<>();
            Throwable thrown = thrownBy(() -> orchestrators.named(() -> {
                resources.acquire("first");
                task.set(Rollback.executor(pool).submit(() -> {
                    proceed.await();
                    return resources.acquire("late");
                }));
                throw new IllegalStateException("fail");
            }));
            assertThat(thrown).hasMessage("fail");
            assertThat(journal.withPrefix("release ")).containsExactly("first");
            proceed.countDown();
            assertThat(task.get().get(10, TimeUnit.SECONDS)).isEqualTo("late");
            assertThat(journal.withPrefix("release ")).containsExactly("first", "late");
            assertThat(reports).hasSize(2);
            assertThat(reports.get(1).operationId()).isEqualTo(reports.get(0).operationId());
            assertThat(reports.get(1).actions()).extracting(a -> a.description()).containsExactly("Resources.acquire(late)");
        } finally {
            Rollback.removeListener(listener);
        }
    }

    @Test
    void aNegativeTaskWaitIsRefusedNamingWhatIsAccepted() {
        Throwable thrown = thrownBy(() -> Rollback.setTaskWait(Duration.ofMillis(-1)));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("task wait PT-0.001S; accepted:"
                + " Duration.ZERO (do not wait) or a positive duration (default PT10S)");
    }

    private static boolean waitsForTasks(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getMethodName().equals("awaitTasks")) {
                return true;
            }
        }
        return false;
    }
}
