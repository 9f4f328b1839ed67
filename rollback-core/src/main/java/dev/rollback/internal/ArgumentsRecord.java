package dev.rollback.internal;

/**
 * A recorded call of a {@code @Compensate} method with any number of parameters, holding the
 * argument array it was given.
 */
final class ArgumentsRecord extends CallRecord {

    private final Object[] arguments;

    ArgumentsRecord(CompensatePlan plan, Object target, Object result, Object[] arguments) {
        super(plan, target, result);
        this.arguments = arguments;
    }

    @Override
    Object[] arguments() {
        return arguments;
    }
}
