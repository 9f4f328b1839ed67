package dev.rollback.test;

import dev.rollback.RollbackReport;

import java.util.List;

/**
 * What {@link FailureInjector} did: how many compensated calls the scenario makes, and the
 * rollback reports of each run.
 *
 * @param calls the compensated calls of one uninjected run
 * @param runs  the uninjected run first, then one per call
 */
public record InjectionResult(int calls, List<Run> runs) {

    /**
     * Creates it, copying the runs.
     *
     * @param calls the compensated calls of one uninjected run
     * @param runs  the runs, in the order they were made
     */
    public InjectionResult {
        runs = List.copyOf(runs);
    }

    /**
     * One run of the scenario.
     *
     * @param failedAfter the compensated call after which a failure was injected; 0 for the run with
     *                    nothing injected, which the kit rolled back after the whole scenario
     * @param reports     the rollbacks of that run, in the order they ran (inner scopes first)
     */
    public record Run(int failedAfter, List<RollbackReport> reports) {

        /**
         * Creates it, copying the reports.
         *
         * @param failedAfter the compensated call after which a failure was injected; 0 for none
         * @param reports     the rollbacks of that run
         */
        public Run {
            reports = List.copyOf(reports);
        }

        String describe() {
            return failedAfter == 0 ? "after the whole scenario" : "after a failure right after compensated call " + failedAfter;
        }
    }
}
