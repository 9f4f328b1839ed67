package dev.rollback.behaviour;

import dev.rollback.Outcome;
import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import dev.rollback.behaviour.fixtures.Journal;
import dev.rollback.behaviour.fixtures.Orchestrators;
import dev.rollback.behaviour.fixtures.Resources;
import dev.rollback.behaviour.fixtures.ThreadState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Pooled threads: 10,000 scopes on 8 threads, half failing, leave no rollback state on any thread")
class PooledThreadsTest {

    private static final int TASKS = 10_000;

    @Test
    void tenThousandScopesOnAnEightThreadPoolLeaveNoStateBeforeOrAfterAnyTask() throws Exception {
        Orchestrators orchestrators = new Orchestrators();
        AtomicInteger compensated = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        AtomicInteger failedCompensations = new AtomicInteger();
        AtomicInteger stateSeen = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> tasks = new ArrayList<>(TASKS);
            for (int i = 0; i < TASKS; i++) {
                int n = i;
                tasks.add(pool.submit(() -> {
                    if (ThreadState.holdsRollbackState()) {
                        stateSeen.incrementAndGet();
                    }
                    Resources resources = new Resources(new Journal());
                    try {
                        orchestrators.atomically(() -> {
                            resources.acquire("a" + n);
                            orchestrators.atomically(() -> Rollback.register("count", compensated::incrementAndGet));
                            if (n % 2 == 1) {
                                if (n % 10 == 1) {
                                    resources.acquireBrokenUndo("b" + n);
                                } else if (n % 100 == 3) {
                                    Rollback.register("stuck", 0, Duration.ofMillis(20), 0, () -> Thread.sleep(10_000));
                                }
                                throw new IllegalStateException("task " + n);
                            }
                        });
                    } catch (Exception e) {
                        assertThat(e).hasMessage("task " + n);
                        for (Throwable suppressed : e.getSuppressed()) {
                            ((RollbackIncompleteException) suppressed).report().actions().forEach(a -> {
                                if (a.outcome() == Outcome.TIMED_OUT) {
                                    timedOut.incrementAndGet();
                                } else if (a.outcome() == Outcome.FAILED) {
                                    failedCompensations.incrementAndGet();
                                }
                            });
                        }
                    }
                    if (ThreadState.holdsRollbackState()) {
                        stateSeen.incrementAndGet();
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stateSeen).as("checks that found rollback state").hasValue(0);
        assertThat(compensated).as("failing tasks compensated").hasValue(TASKS / 2);
        assertThat(failedCompensations).hasValue(TASKS / 10);
        assertThat(timedOut).hasValue(TASKS / 100);
    }
}
