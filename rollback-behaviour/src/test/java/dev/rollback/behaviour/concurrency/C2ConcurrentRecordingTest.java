package dev.rollback.behaviour.concurrency;

import dev.rollback.RecordedCompensation;
import dev.rollback.Rollback;
import dev.rollback.behaviour.fixtures.ThreadState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("C2: records from many threads into one scope are all kept, and undone once each, priority first, then newest first")
class C2ConcurrentRecordingTest extends ConcurrencyTest {

    static final int TASKS = 10_000;

    @Test
    void tenThousandTasksOnAFixedPoolRecordIntoOneScopeAndAreEachUndoneOnceInOrder() throws Exception {
        ExecutorService fixed = Executors.newFixedThreadPool(8);
        try {
            assertRecordsAreKeptAndUndoneInOrder(fixed);
        } finally {
            fixed.shutdownNow();
            assertThat(fixed.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void tenThousandTasksOnVirtualThreadsRecordIntoOneScopeAndAreEachUndoneOnceInOrder() throws Exception {
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        try {
            assertRecordsAreKeptAndUndoneInOrder(virtual);
        } finally {
            virtual.shutdownNow();
            assertThat(virtual.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * Each task records one compensation of priority 0 to 3, tagged with its thread and that thread's
     * own sequence number, so that "newest first" can be checked per thread without a global clock.
     */
    private void assertRecordsAreKeptAndUndoneInOrder(ExecutorService executor) throws Exception {
        List<String> undone = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> sequences = new ConcurrentHashMap<>();
        AtomicInteger leftState = new AtomicInteger();
        List<List<RecordedCompensation>> pending = new ArrayList<>();
        Throwable thrown = thrownBy(() -> Rollback.run("fan-out", () -> {
            ExecutorService bound = Rollback.executor(executor);
            List<Future<?>> tasks = new ArrayList<>(TASKS);
            for (int i = 0; i < TASKS; i++) {
                int priority = i % 4;
                tasks.add(bound.submit(() -> {
                    String thread = ThreadTags.current();
                    int sequence = sequences.computeIfAbsent(thread, t -> new AtomicInteger()).incrementAndGet();
                    String tag = priority + "/" + thread + "/" + sequence;
                    Rollback.register(tag, priority, () -> undone.add(tag));
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
            for (int i = 0; i < 100; i++) {
                executor.submit(() -> {
                    if (ThreadState.holdsRollbackState()) {
                        leftState.incrementAndGet();
                    }
                }).get();
            }
            pending.add(Rollback.current().orElseThrow().pending());
            throw new IllegalStateException("fan-out fails");
        }));

        assertThat(thrown).hasMessage("fan-out fails");
        assertThat(leftState).as("tasks that found rollback state on their thread").hasValue(0);
        assertThat(undone).hasSize(TASKS).doesNotHaveDuplicates();
        assertThat(undone).as("the rollback ran what pending() showed, in its order")
                .containsExactlyElementsOf(pending.get(0).stream().map(RecordedCompensation::description).toList());
        assertPriorityThenNewestFirstPerThread(undone);
    }

    static void assertPriorityThenNewestFirstPerThread(List<String> undone) {
        int previousPriority = Integer.MAX_VALUE;
        Map<String, Integer> lastSequence = new HashMap<>();
        for (String tag : undone) {
            String[] parts = tag.split("/");
            int priority = Integer.parseInt(parts[0]);
            assertThat(priority).as("priority of " + tag).isLessThanOrEqualTo(previousPriority);
            if (priority != previousPriority) {
                lastSequence.clear();
            }
            previousPriority = priority;
            int sequence = Integer.parseInt(parts[2]);
            Integer newer = lastSequence.put(parts[1], sequence);
            assertThat(newer == null || newer > sequence).as(tag + " undone after an older record of its thread").isTrue();
        }
    }
}
