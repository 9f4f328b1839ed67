package ${scenario.package};

import dev.rollback.Rollback;
import dev.rollback.annotation.WithRollback;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Hands one acquisition each to {@code tasks} pool threads, waits for them, then returns or fails.
 * Scenario class ${scenario.weaving}.
 */
public class FanOut {

    private final SharedResources resources;
    private final String[] names;
    private final ExecutorService pool;
    @SuppressWarnings("unchecked")
    private final Future<String>[] running = new Future[64];

    /**
     * @param resources where to acquire, from any thread
     * @param names     the names to acquire, one per task
     * @param pool      where the tasks run; bound to the scope by {@code Rollback.executor}
     */
    public FanOut(SharedResources resources, String[] names, ExecutorService pool) {
        this.resources = resources;
        this.names = names;
        this.pool = Rollback.executor(pool);
    }

    /**
     * @param tasks how many tasks, each recording one compensation
     * @return how many ran
     * @throws Exception when a task failed
     */
    @WithRollback
    public int succeed(int tasks) throws Exception {
        runAll(tasks);
        return tasks;
    }

    /**
     * @param tasks      how many tasks, each recording one compensation, before failing
     * @param stackTrace whether the failure fills in its stack trace
     * @return never
     * @throws Exception always: a {@link StepFailure}
     */
    @WithRollback
    public int fail(int tasks, boolean stackTrace) throws Exception {
        runAll(tasks);
        throw new StepFailure(stackTrace);
    }

    private void runAll(int tasks) throws Exception {
        for (int i = 0; i < tasks; i++) {
            String name = names[i];
            running[i] = pool.submit(() -> resources.acquire(name));
        }
        for (int i = 0; i < tasks; i++) {
            running[i].get();
        }
    }
}
