package dev.rollback.internal;

/**
 * A recorded call of a one-parameter {@code @Compensate} method, the common case: the argument is
 * held in a field, so recording allocates this object alone, and the array the compensating method
 * handle takes is only built at rollback time.
 */
final class OneArgumentRecord extends Record {

    private final CompensatePlan plan;
    private final Object target;
    private final Object result;
    private final Object argument;

    OneArgumentRecord(CompensatePlan plan, Object target, Object result, Object argument) {
        this.plan = plan;
        this.target = target;
        this.result = result;
        this.argument = argument;
    }

    @Override
    String description() {
        return plan.describe(new Object[] {argument});
    }

    @Override
    int priority() {
        return plan.priority();
    }

    @Override
    long timeoutMillis() {
        return plan.timeoutMillis();
    }

    @Override
    int retries() {
        return plan.retries();
    }

    @Override
    void run() throws Throwable {
        plan.compensate(target, result, new Object[] {argument});
    }
}
