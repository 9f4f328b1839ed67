package dev.rollback.internal;

import dev.rollback.RollbackReport;
import dev.rollback.spi.JournaledStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recovery's rollback of a scope that a dead process left open in a journal (D2): the engine's own
 * rollback run, so that each compensation gets its retries and its time limit ({@code timeoutMillis})
 * as in a live rollback, the listeners get the same callbacks in the same order ({@code onScopeStart},
 * {@code onRollbackStart}, {@code onCompensation} for each, {@code onRollback}, {@code onScopeEnd}),
 * and each success is journaled before the next compensation starts. Not API: the durable module
 * calls it.
 */
public final class RecoveredRollback {

    private RecoveredRollback() {
    }

    /**
     * One journaled step to undo.
     *
     * @param description    how reports name it
     * @param priority       its priority
     * @param timeoutMillis  its time limit per attempt, or 0 for none
     * @param retries        how many times it is tried again after a failure
     * @param idempotencyKey its journal step key, readable while it runs (D6)
     * @param compensation   one attempt
     * @param journalSuccess journals, durably, that it succeeded (D2)
     */
    public record Step(String description, int priority, long timeoutMillis, int retries, String idempotencyKey,
                       CompensationKeys.ThrowingAction compensation, Runnable journalSuccess) {

        /** @throws NullPointerException when a reference is missing */
        public Step {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(compensation, "compensation");
            Objects.requireNonNull(journalSuccess, "journalSuccess");
        }
    }

    /**
     * What a recovered scope's rollback did.
     *
     * @param report           its report
     * @param listenerFailures what listeners threw meanwhile
     */
    public record Result(RollbackReport report, List<Throwable> listenerFailures) {
    }

    /**
     * Runs the steps on this thread, as the engine rolls back a scope that is not parallel.
     *
     * @param operationId the scope's id in the journal
     * @param name        the scope's operation name
     * @param cause       why it rolls back, handed to {@code onRollbackStart}: its owner is gone
     * @param steps       the steps, in live rollback order
     * @return the report (always built) and the listeners' failures
     */
    public static Result run(String operationId, String name, Throwable cause, List<Step> steps) {
        Records records = new Records();
        for (int i = steps.size() - 1; i >= 0; i--) {
            records.add(new StepRecord(steps.get(i))); // oldest first: the run puts them back in rollback order
        }
        List<Throwable> listenerFailures = new ArrayList<>(0);
        Listeners.announced(operationId, name, listenerFailures);
        RollbackRun.Result result = new RollbackRun(operationId, name, records, false, cause).execute(true);
        listenerFailures.addAll(result.listenerFailures());
        Listeners.ended(operationId, name, listenerFailures);
        return new Result(result.report(), List.copyOf(listenerFailures));
    }

    /**
     * {@return how a live rollback names a call of the plan's method: its {@code description}, or
     * the call with its arguments}
     *
     * @param plan      a valid plan
     * @param arguments the call's arguments
     */
    public static String description(CompensatePlan plan, Object[] arguments) {
        return plan.describe(arguments);
    }

    /** A journaled step as the engine's record: run by the same compensator as a live one. */
    private static final class StepRecord extends Record implements JournaledStep {

        private final Step step;

        StepRecord(Step step) {
            this.step = step;
        }

        @Override
        public String description() {
            return step.description();
        }

        @Override
        public int priority() {
            return step.priority();
        }

        @Override
        long timeoutMillis() {
            return step.timeoutMillis();
        }

        @Override
        public int retries() {
            return step.retries();
        }

        @Override
        void run() throws Throwable {
            step.compensation().run();
        }

        @Override
        JournaledStep step() {
            return this;
        }

        @Override
        public void recorded(Object result) {
            throw new IllegalStateException("step " + step.idempotencyKey() + " is recovered: it was recorded by the"
                    + " process that died, and is never recorded again");
        }

        @Override
        public void abandoned() {
            throw new IllegalStateException("step " + step.idempotencyKey() + " is recovered: its call returned in the"
                    + " process that died, and is never abandoned");
        }

        @Override
        public void compensated() {
            step.journalSuccess().run();
        }

        @Override
        public String idempotencyKey() {
            return step.idempotencyKey();
        }
    }
}
