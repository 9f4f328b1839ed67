package dev.rollback.benchmarks;

import dev.rollback.benchmarks.plain.SharedResources;
import dev.rollback.benchmarks.plain.StepFailure;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The limit for scenario {@code fan-out-8}: what a careful programmer writes by hand when an
 * orchestrator hands work to a pool. The undo log is a concurrent deque the tasks push their undo
 * actions onto, passed to them explicitly; on failure the actions run newest first, each failure
 * attached to the original throwable.
 */
public final class HandwrittenFanOut {

    private final SharedResources resources;
    private final String[] names;
    private final ExecutorService pool;
    @SuppressWarnings("unchecked")
    private final Future<String>[] running = new Future[64];

    /**
     * @param resources never-woven resources
     * @param names     the names to acquire, one per task
     * @param pool      where the tasks run
     */
    public HandwrittenFanOut(SharedResources resources, String[] names, ExecutorService pool) {
        this.resources = resources;
        this.names = names;
        this.pool = pool;
    }

    /** Like {@code FanOut.succeed}. */
    public int succeed(int tasks) throws Exception {
        ConcurrentLinkedDeque<Runnable> undo = new ConcurrentLinkedDeque<>();
        try {
            runAll(tasks, undo);
        } catch (Throwable thrown) {
            rollBack(undo, thrown);
            throw thrown;
        }
        return tasks;
    }

    /** Like {@code FanOut.fail}. */
    public int fail(int tasks, boolean stackTrace) throws Exception {
        ConcurrentLinkedDeque<Runnable> undo = new ConcurrentLinkedDeque<>();
        try {
            runAll(tasks, undo);
            throw new StepFailure(stackTrace);
        } catch (Throwable thrown) {
            rollBack(undo, thrown);
            throw thrown;
        }
    }

    private void runAll(int tasks, ConcurrentLinkedDeque<Runnable> undo) throws Exception {
        for (int i = 0; i < tasks; i++) {
            String name = names[i];
            running[i] = pool.submit(() -> {
                String handle = resources.acquire(name);
                undo.push(() -> resources.release(handle));
                return handle;
            });
        }
        for (int i = 0; i < tasks; i++) {
            running[i].get();
        }
    }

    private static void rollBack(ConcurrentLinkedDeque<Runnable> undo, Throwable cause) {
        for (Runnable action; (action = undo.poll()) != null; ) {
            try {
                action.run();
            } catch (Throwable failure) {
                cause.addSuppressed(failure);
            }
        }
    }
}
