package dev.rollback.benchmarks;

import dev.rollback.Rollback;
import dev.rollback.benchmarks.plain.Resources;
import dev.rollback.benchmarks.plain.StepFailure;

/**
 * The scenarios written against the programmatic API: {@code Rollback.call} scopes and
 * {@code Rollback.register}ed lambdas, on never-woven resources.
 */
public final class Programmatic {

    private final Resources resources;
    private final String[] names;

    /**
     * @param resources never-woven resources
     * @param names     the names to acquire
     */
    public Programmatic(Resources resources, String[] names) {
        this.resources = resources;
        this.names = names;
    }

    /** Like {@code Orchestrator.succeed}. */
    public int succeed(int compensations) {
        return Rollback.call("Orchestrator.succeed", () -> {
            for (int i = 0; i < compensations; i++) {
                acquire(names[i]);
            }
            return compensations;
        });
    }

    /** Like {@code Orchestrator.fail}. */
    public int fail(int compensations, boolean stackTrace) {
        return Rollback.call("Orchestrator.fail", () -> {
            for (int i = 0; i < compensations; i++) {
                acquire(names[i]);
            }
            throw new StepFailure(stackTrace);
        });
    }

    /** Like {@code Layer.enter}, {@code depth} levels deep. */
    public int enter(String name, int depth) {
        return Rollback.call("Layer.enter", () -> {
            acquire(name);
            return depth == 1 ? 1 : 1 + enter(name, depth - 1);
        });
    }

    /**
     * A call outside any scope: registering is only allowed inside one, so code that may run
     * either way asks first.
     */
    public String acquireOutsideScope(String name) {
        String handle = resources.acquire(name);
        if (Rollback.current().isPresent()) {
            Rollback.register("release " + handle, () -> resources.release(handle));
        }
        return handle;
    }

    private void acquire(String name) {
        String handle = resources.acquire(name);
        Rollback.register("release", () -> resources.release(handle));
    }
}
