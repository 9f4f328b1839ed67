package ${scenario.package};

import dev.rollback.annotation.WithRollback;

/**
 * Acquires resources in a scope, then returns or fails. Scenario class ${scenario.weaving}.
 */
public class Orchestrator {

    private final Resources resources;
    private final String[] names;

    /**
     * @param resources where to acquire
     * @param names     the names to acquire, in order; as many as the largest scenario needs
     */
    public Orchestrator(Resources resources, String[] names) {
        this.resources = resources;
        this.names = names;
    }

    /**
     * @param compensations how many resources to acquire
     * @return how many were acquired
     */
    @WithRollback
    public int succeed(int compensations) {
        for (int i = 0; i < compensations; i++) {
            resources.acquire(names[i]);
        }
        return compensations;
    }

    /**
     * @param compensations how many resources to acquire before failing
     * @param stackTrace    whether the failure fills in its stack trace
     * @return never
     * @throws StepFailure always
     */
    @WithRollback
    public int fail(int compensations, boolean stackTrace) {
        for (int i = 0; i < compensations; i++) {
            resources.acquire(names[i]);
        }
        throw new StepFailure(stackTrace);
    }
}
