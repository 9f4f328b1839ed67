package dev.rollback.internal;

/**
 * A compensation recorded by a returning {@code @Compensate} method: the plan plus the call's
 * receiver, result and arguments. This object is the whole per-call cost of recording; how it holds
 * the arguments is up to its kinds. The plan is resolved when the record is made, or, for a record
 * made by key ({@link KeyedRecord}), when it is first needed.
 */
abstract class CallRecord extends Record {

    /** {@code null} only in a keyed record not yet asked for it; then resolved once (racing resolutions find the same plan). */
    private CompensatePlan plan;
    final Object target;
    final Object result;
    /** Kept once computed, so that listeners that see the record and the report show the same text. */
    private String description;

    CallRecord(CompensatePlan plan, Object target, Object result) {
        this.plan = plan;
        this.target = target;
        this.result = result;
    }

    /** @return the method's plan */
    final CompensatePlan plan() {
        CompensatePlan resolved = plan;
        if (resolved == null) {
            resolved = resolve();
            plan = resolved;
        }
        return resolved;
    }

    /** @return the plan of a record made without it; only keyed records are */
    CompensatePlan resolve() {
        throw new IllegalStateException("a record made with its plan lost it: " + getClass().getName());
    }

    /** @return the call's arguments, as the compensating method handle takes them */
    abstract Object[] arguments();

    @Override
    public String description() {
        if (description == null) {
            description = plan().describe(arguments());
        }
        return description;
    }

    @Override
    public int priority() {
        return plan().priority();
    }

    @Override
    long timeoutMillis() {
        return plan().timeoutMillis();
    }

    @Override
    public int retries() {
        return plan().retries();
    }

    @Override
    void run() throws Throwable {
        plan().compensate(target, result, arguments());
    }
}
