package dev.rollback.internal;

/**
 * A recorded call of a one-parameter {@code @Compensate} method, the common case: the argument is
 * held in a field, so recording allocates this object alone (40 B), and the array the compensating
 * method handle takes is only built at rollback time.
 */
final class OneArgumentRecord extends Record {

    private final CompensatePlan plan;
    private final Object target;
    private final Object result;
    private final Object argument;
    /** Kept once computed, so that listeners that see the record and the report show the same text. */
    private String description;

    OneArgumentRecord(CompensatePlan plan, Object target, Object result, Object argument) {
        this.plan = plan;
        this.target = target;
        this.result = result;
        this.argument = argument;
    }

    @Override
    public String description() {
        if (description == null) {
            description = plan.describe(new Object[] {argument});
        }
        return description;
    }

    @Override
    public int priority() {
        return plan.priority();
    }

    @Override
    long timeoutMillis() {
        return plan.timeoutMillis();
    }

    @Override
    public int retries() {
        return plan.retries();
    }

    @Override
    void run() throws Throwable {
        plan.compensate(target, result, new Object[] {argument});
    }
}
