package dev.rollback.internal;

/**
 * A compensation recorded by a returning {@code @Compensate} method: the resolved plan plus the
 * call's receiver, result and arguments. This object is the whole per-call cost of recording; how
 * it holds the arguments is up to its two kinds.
 */
abstract class CallRecord extends Record {

    final CompensatePlan plan;
    final Object target;
    final Object result;
    /** Kept once computed, so that listeners that see the record and the report show the same text. */
    private String description;

    CallRecord(CompensatePlan plan, Object target, Object result) {
        this.plan = plan;
        this.target = target;
        this.result = result;
    }

    /** @return the call's arguments, as the compensating method handle takes them */
    abstract Object[] arguments();

    @Override
    public String description() {
        if (description == null) {
            description = plan.describe(arguments());
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
        plan.compensate(target, result, arguments());
    }
}
