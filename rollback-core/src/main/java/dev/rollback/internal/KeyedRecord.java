package dev.rollback.internal;

/**
 * A recorded call whose plan is named by a weaver's key and looked up when first needed (see
 * {@link PlanSource}): on the success path a scope's records are dropped without it ever being
 * looked up.
 */
abstract class KeyedRecord extends CallRecord {

    private final PlanSource source;
    private final Object key;

    private KeyedRecord(PlanSource source, Object key, Object target, Object result) {
        super(null, target, result);
        this.source = source;
        this.key = key;
    }

    @Override
    final CompensatePlan resolve() {
        return source.plan(key);
    }

    /** A call of a one-parameter method: the argument in a field, as in {@link OneArgumentRecord}. */
    static final class One extends KeyedRecord {

        private final Object argument;

        One(PlanSource source, Object key, Object target, Object result, Object argument) {
            super(source, key, target, result);
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

    /** A call of a method with any other number of parameters. */
    static final class Many extends KeyedRecord {

        private final Object[] arguments;

        Many(PlanSource source, Object key, Object target, Object result, Object[] arguments) {
            super(source, key, target, result);
            this.arguments = arguments;
        }

        @Override
        Object[] arguments() {
            return arguments;
        }
    }
}
