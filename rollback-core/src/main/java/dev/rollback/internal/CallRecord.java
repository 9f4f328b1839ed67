package dev.rollback.internal;

/**
 * A compensation recorded by a returning {@code @Compensate} method: the resolved plan plus the
 * call's receiver, result and arguments. This object is the whole per-call cost of recording.
 */
final class CallRecord extends Record {

    private final CompensatePlan plan;
    private final Object target;
    private final Object result;
    private final Object[] args;
    private String description;

    CallRecord(CompensatePlan plan, Object target, Object result, Object[] args) {
        this.plan = plan;
        this.target = target;
        this.result = result;
        this.args = args;
    }

    @Override
    public String description() {
        if (description == null) {
            description = plan.describe(args);
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
        plan.compensate(target, result, args);
    }
}
