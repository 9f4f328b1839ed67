package dev.rollback.internal;

/**
 * A recorded call of a one-parameter {@code @Compensate} method, the common case: the argument is
 * held in a field, so recording allocates this object alone, and the array the compensating method
 * handle takes is only built at rollback time.
 */
final class OneArgumentRecord extends CallRecord {

    private final Object argument;

    OneArgumentRecord(CompensatePlan plan, Object target, Object result, Object argument) {
        super(plan, target, result);
        this.argument = argument;
    }

    @Override
    Object[] arguments() {
        return new Object[] {argument};
    }
}
