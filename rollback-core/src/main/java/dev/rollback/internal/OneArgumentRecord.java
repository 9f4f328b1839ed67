package dev.rollback.internal;

/**
 * A recorded call of a one-parameter {@code @Compensate} method, the common case: the argument is
 * held in a field, so recording allocates this object alone, and no array is built to run it (only
 * to describe it).
 */
final class OneArgumentRecord extends CallRecord {

    private final Object argument;

    OneArgumentRecord(CompensatePlan plan, Object target, Object result, Object argument) {
        super(plan, target, result);
        this.argument = argument;
    }

    @Override
    void run() throws Throwable {
        plan().compensateOne(target, result, argument);
    }

    @Override
    Object[] arguments() {
        return new Object[] {argument};
    }
}
