package dev.rollback.behaviour.concurrency;

import dev.rollback.RecordedCompensation;
import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;
import dev.rollback.RollbackScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("C4: a record that arrives after its scope closed is never lost")
class C4LateRecordsTest extends ConcurrencyTest {

    @AfterEach
    void defaultTaskWait() {
        Rollback.setTaskWait(Duration.ofSeconds(10));
    }

    @Test
    void aLateRecordOfANestedScopeThatCommittedGoesToTheEnclosingScopeStillOpen() throws Exception {
        CountDownLatch proceed = new CountDownLatch(1);
        List<String> recordedIn = new CopyOnWriteArrayList<>();
        RollbackListener listener = new RollbackListener() {
            @Override
            public void onRecord(String operationId, RecordedCompensation compensation) {
                recordedIn.add(operationId);
            }
        };
        Rollback.addListener(listener);
        try {
            AtomicReference<Future<String>> task = new AtomicReference<>();
            AtomicReference<String> outerId = new AtomicReference<>();
            Throwable thrown = thrownBy(() -> Rollback.run("outer", () -> {
                outerId.set(Rollback.current().orElseThrow().operationId());
                orchestrators.atomically(() -> task.set(Rollback.executor(pool).submit(() -> {
                    proceed.await();
                    return resources.acquire("late");
                })));
                proceed.countDown();
                task.get().get(10, TimeUnit.SECONDS);
                assertThat(Rollback.current().orElseThrow().pending()).extracting(RecordedCompensation::description)
                        .containsExactly("Resources.acquire(late)");
                throw new IllegalStateException("outer fails");
            }));
            assertThat(thrown).hasMessage("outer fails");
            assertThat(recordedIn).containsExactly(outerId.get());
            assertThat(journal.withPrefix("release ")).containsExactly("late");
        } finally {
            Rollback.removeListener(listener);
        }
    }

    @Test
    void aLateRecordOfAScopeThatRolledBackRunsAtOnceOnTheRecordingThreadWithAReportOfItsOwn() throws Exception {
        Rollback.setTaskWait(Duration.ZERO);
        CountDownLatch proceed = new CountDownLatch(1);
        List<RollbackReport> reports = new CopyOnWriteArrayList<>();
        List<String> undoThreads = new CopyOnWriteArrayList<>();
        RollbackListener listener = new RollbackListener() {
            @Override
            public void onRollback(RollbackReport report) {
                reports.add(report);
            }
        };
        Rollback.addListener(listener);
        try {
            AtomicReference<Future<String>> recordingThread = new AtomicReference<>();
            Throwable thrown = thrownBy(() -> Rollback.run("rolls back", () -> {
                recordingThread.set(Rollback.executor(pool).submit(() -> {
                    proceed.await();
                    Rollback.register("late", () -> undoThreads.add(Thread.currentThread().getName()));
                    return Thread.currentThread().getName();
                }));
                throw new IllegalStateException("fail");
            }));
            assertThat(thrown).hasMessage("fail");
            assertThat(reports).hasSize(1);
            assertThat(reports.get(0).actions()).isEmpty();
            proceed.countDown();
            String thread = recordingThread.get().get(10, TimeUnit.SECONDS);
            assertThat(undoThreads).containsExactly(thread);
            assertThat(reports).hasSize(2);
            assertThat(reports.get(1).name()).isEqualTo("rolls back");
            assertThat(reports.get(1).operationId()).isEqualTo(reports.get(0).operationId());
            assertThat(reports.get(1).actions()).extracting(a -> a.description()).containsExactly("late");
        } finally {
            Rollback.removeListener(listener);
        }
    }

    @Test
    void aLateRecordReachingOnlyAnOutermostScopeThatCommittedIsDropped() throws Exception {
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicReference<Future<String>> task = new AtomicReference<>();
        orchestrators.atomically(() -> task.set(Rollback.executor(pool).submit(() -> {
            proceed.await();
            return resources.acquire("after commit");
        })));
        proceed.countDown();

        assertThat(task.get().get(10, TimeUnit.SECONDS)).isEqualTo("after commit");
        assertThat(journal.withPrefix("release ")).isEmpty();
    }

    @Test
    void aLateRecordOfANestedScopeWhoseParentRolledBackMeanwhileRunsAtOnce() throws Exception {
        Rollback.setTaskWait(Duration.ZERO);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicReference<Future<String>> task = new AtomicReference<>();
        Throwable thrown = thrownBy(() -> Rollback.run("outer", () -> {
            orchestrators.atomically(() -> task.set(Rollback.executor(pool).submit(() -> {
                proceed.await();
                return resources.acquire("late, past two closed scopes");
            })));
            throw new IllegalStateException("outer fails");
        }));
        proceed.countDown();

        assertThat(thrown).hasMessage("outer fails");
        assertThat(task.get().get(10, TimeUnit.SECONDS)).isEqualTo("late, past two closed scopes");
        assertThat(journal.withPrefix("release ")).containsExactly("late, past two closed scopes");
    }

    @Test
    void aRecordArrivingWhileItsScopeRollsBackIsUndoneExactlyOnceOverThousandsOfRounds() throws Exception {
        Rollback.setTaskWait(Duration.ZERO);
        int rounds = 3_000;
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger twice = new AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            AtomicInteger undos = new AtomicInteger();
            CyclicBarrier bothReady = new CyclicBarrier(2);
            AtomicReference<Future<?>> task = new AtomicReference<>();
            try {
                Rollback.run("race", () -> {
                    task.set(Rollback.executor(pool).submit(() -> {
                        bothReady.await(10, TimeUnit.SECONDS);
                        Rollback.register("raced", undos::incrementAndGet);
                        return null;
                    }));
                    bothReady.await(10, TimeUnit.SECONDS);
                    throw new IllegalStateException("fail");
                });
            } catch (IllegalStateException expected) {
                // the rollback raced with the record
            }
            task.get().get(10, TimeUnit.SECONDS);
            if (undos.get() == 0) {
                lost.incrementAndGet();
            } else if (undos.get() > 1) {
                twice.incrementAndGet();
            }
        }
        assertThat(lost).as("rounds whose record was never undone").hasValue(0);
        assertThat(twice).as("rounds whose record was undone more than once").hasValue(0);
    }

    @Test
    void aScopeThatRolledBackIsClosedForRecordsAsSeenFromItsTasks() throws Exception {
        Rollback.setTaskWait(Duration.ZERO);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicReference<RollbackScope> seen = new AtomicReference<>();
        AtomicReference<Future<?>> task = new AtomicReference<>();
        thrownBy(() -> Rollback.run("closed", () -> {
            task.set(Rollback.executor(pool).submit(() -> {
                proceed.await();
                seen.set(Rollback.current().orElseThrow());
                return null;
            }));
            throw new IllegalStateException("fail");
        }));
        proceed.countDown();
        task.get().get(10, TimeUnit.SECONDS);

        assertThat(seen.get().pending()).isEmpty();
    }
}
