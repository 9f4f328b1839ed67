package dev.rollback.behaviour.concurrency;

import dev.rollback.Rollback;
import dev.rollback.behaviour.fixtures.Orchestrators;
import dev.rollback.behaviour.fixtures.ThreadState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.ArrayList;
import java.util.Collections;
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

/**
 * Today's model of a scope (every record kept, undone once, priority first, newest first), extended
 * to records arriving from many threads, directly or through nested scopes on those threads that
 * succeed (hand their records up) or fail (undo their own).
 */
@Label("C2, property: concurrent recording, directly and through nested scopes, matches the model")
class C2ConcurrentRecordingPropertyTest {

    private static ExecutorService pool;
    private final Orchestrators orchestrators = new Orchestrators();

    @BeforeContainer
    static void startPool() {
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterContainer
    static void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** One task: its records' priorities, and whether it wraps them in a nested scope that fails. */
    @Property(tries = 200)
    void everyRecordIsUndoneOnceInModelOrder(@ForAll @Size(min = 1, max = 12) List<@Size(max = 6) List<@IntRange(min = 0, max = 2) Integer>> tasks,
                                             @ForAll @Size(min = 12, max = 12) List<Boolean> nestedFails,
                                             @ForAll boolean outerFails) throws Exception {
        List<String> undone = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> sequences = new ConcurrentHashMap<>();
        List<String> expectedUndoneByNested = Collections.synchronizedList(new ArrayList<>());
        List<String> keptByOuter = Collections.synchronizedList(new ArrayList<>());
        Throwable thrown = null;
        try {
            Rollback.run("property", () -> {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < tasks.size(); t++) {
                    List<Integer> priorities = tasks.get(t);
                    boolean fails = nestedFails.get(t) && t % 2 == 1;
                    boolean nested = t % 2 == 1;
                    running.add(Rollback.executor(pool).submit(() -> {
                        List<String> tags = new ArrayList<>();
                        Runnable record = () -> {
                            for (int priority : priorities) {
                                String thread = ThreadTags.current();
                                String tag = priority + "/" + thread + "/"
                                        + sequences.computeIfAbsent(thread, x -> new AtomicInteger()).incrementAndGet();
                                tags.add(tag);
                                Rollback.register(tag, priority, () -> undone.add(tag));
                            }
                        };
                        if (!nested) {
                            record.run();
                            keptByOuter.addAll(tags);
                            return null;
                        }
                        try {
                            orchestrators.atomically(() -> {
                                record.run();
                                if (fails) {
                                    throw new IllegalStateException("nested fails");
                                }
                            });
                            keptByOuter.addAll(tags);
                        } catch (IllegalStateException expected) {
                            expectedUndoneByNested.addAll(tags);
                        }
                        return null;
                    }));
                }
                for (Future<?> task : running) {
                    task.get();
                }
                if (outerFails) {
                    throw new IllegalStateException("outer fails");
                }
            });
        } catch (IllegalStateException e) {
            thrown = e;
        }
        assertThat(thrown == null).isEqualTo(!outerFails);
        assertThat(undone).doesNotHaveDuplicates();
        List<String> expected = new ArrayList<>(expectedUndoneByNested);
        if (outerFails) {
            expected.addAll(keptByOuter);
        }
        assertThat(undone).containsExactlyInAnyOrderElementsOf(expected);
        if (outerFails) {
            List<String> byOuter = undone.subList(undone.size() - keptByOuter.size(), undone.size());
            assertThat(byOuter).containsExactlyInAnyOrderElementsOf(keptByOuter);
            C2ConcurrentRecordingTest.assertPriorityThenNewestFirstPerThread(byOuter);
        }
        assertThat(ThreadState.holdsRollbackState()).isFalse();
    }
}
