package dev.rollback.internal;

import dev.rollback.spi.JournaledStep;

/**
 * A recorded call of a {@code @Compensate} method in a durable scope: like {@link ArgumentsRecord},
 * plus its journaled step, so that its record and its compensation are journaled too.
 */
final class DurableRecord extends CallRecord {

    private final Object[] arguments;
    private final JournaledStep step;

    DurableRecord(CompensatePlan plan, Object target, Object result, Object[] arguments, JournaledStep step) {
        super(plan, target, result);
        this.arguments = arguments;
        this.step = step;
    }

    @Override
    Object[] arguments() {
        return arguments;
    }

    @Override
    JournaledStep step() {
        return step;
    }

    /** Journals the call's record, durably, before the call returns (D1). */
    void journalRecord() {
        step.recorded(result);
    }
}
