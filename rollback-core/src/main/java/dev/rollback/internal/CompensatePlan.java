package dev.rollback.internal;

import dev.rollback.CompensationConfigurationException;
import dev.rollback.annotation.CompensationHandler;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;

/**
 * A {@code @Compensate} method, resolved once: how to undo one of its calls, or why it cannot be.
 * Built by {@link CompensateBinder}; held by the weavers per advised method.
 */
public final class CompensatePlan {

    enum Shape {
        RESULT_AND_ARGUMENTS, RESULT, ARGUMENTS, NOTHING, HANDLER
    }

    private final String error;
    private final Throwable errorCause;
    private final String callPrefix;
    private final String description;
    private final int priority;
    private final long timeoutMillis;
    private final int retries;
    private final Shape shape;
    /** Takes {@code (target, Object[] values)}. */
    private final MethodHandle invoker;
    /** Takes {@code (target, value...)}, when the compensating method takes at most {@link #MAX_DIRECT_ARITY} values. */
    private final MethodHandle direct;
    private final CompensationHandler<Object> handler;
    /** The {@code @Compensate} method; {@code null} for an invalid plan. */
    private final Method original;

    /** The most values a compensating method takes for {@link #compensateOne} to call it without an array. */
    static final int MAX_DIRECT_ARITY = 2;

    private CompensatePlan(Method original, String error, Throwable errorCause, String callPrefix, CompensateSpec spec,
                           Shape shape, MethodHandle invoker, MethodHandle direct, CompensationHandler<Object> handler) {
        this.original = original;
        this.error = error;
        this.errorCause = errorCause;
        this.callPrefix = callPrefix;
        this.description = spec == null ? "" : spec.description();
        this.priority = spec == null ? 0 : spec.priority();
        this.timeoutMillis = spec == null ? 0 : spec.timeoutMillis();
        this.retries = spec == null ? 0 : spec.retries();
        this.shape = shape;
        this.invoker = invoker;
        this.direct = direct;
        this.handler = handler;
    }

    static CompensatePlan method(Method original, CompensateSpec spec, Shape shape, MethodHandle invoker, MethodHandle direct) {
        return new CompensatePlan(original, null, null, Names.defaultOperationName(original), spec, shape, invoker, direct, null);
    }

    static CompensatePlan handler(Method original, CompensateSpec spec, CompensationHandler<Object> handler) {
        return new CompensatePlan(original, null, null, Names.defaultOperationName(original), spec, Shape.HANDLER, null, null, handler);
    }

    /**
     * @param message what is wrong and what would have been accepted
     * @return a plan that raises {@link CompensationConfigurationException} with that message on
     *         every call
     */
    public static CompensatePlan invalid(String message) {
        return invalid(message, null);
    }

    /**
     * @param message what is wrong and what would have been accepted
     * @param cause   the failure that revealed it (a handler constructor that threw, say), or {@code null}
     * @return a plan that raises {@link CompensationConfigurationException} with that message and
     *         cause on every call
     */
    public static CompensatePlan invalid(String message, Throwable cause) {
        return new CompensatePlan(null, message, cause, "", null, null, null, null, null);
    }

    /**
     * Called before the method's body, on every call, scope or not.
     *
     * @throws CompensationConfigurationException when the method cannot be compensated as configured
     */
    public void check() {
        if (error != null) {
            throw new CompensationConfigurationException(error, errorCause);
        }
    }

    /** @return the configuration error, or {@code null} when the plan is valid */
    public String error() {
        return error;
    }

    /** @return the {@code @Compensate} method; {@code null} for an invalid plan */
    public Method method() {
        return original;
    }

    /** @return the {@code priority} attribute */
    public int priority() {
        return priority;
    }

    /** @return the {@code timeoutMillis} attribute */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** @return the {@code retries} attribute */
    public int retries() {
        return retries;
    }

    /**
     * @return whether the compensation can run without the call's result (D3): the compensating
     *         method takes the arguments alone or nothing; a handler is not (it may need the result)
     */
    public boolean bindsWithoutResult() {
        return shape == Shape.ARGUMENTS || shape == Shape.NOTHING;
    }

    /**
     * Runs the compensation of a call rebuilt from a journal, once, on this thread (recovery).
     *
     * @param target the receiver, or {@code null} for a static method
     * @param result the call's result, or {@code null}
     * @param args   the call's arguments
     * @throws Throwable what the compensation threw
     */
    public void compensateRecovered(Object target, Object result, Object[] args) throws Throwable {
        check();
        compensate(target, result, args);
    }

    String describe(Object[] args) {
        return description.isEmpty() ? Names.call(callPrefix, args) : description;
    }

    /**
     * Compensates a call of a one-parameter method, without building an array of values when the
     * compensating method takes at most {@link #MAX_DIRECT_ARITY} of them (which each shape implies
     * for such a call: the result and the argument at most).
     */
    void compensateOne(Object target, Object result, Object argument) throws Throwable {
        if (direct == null) {
            compensate(target, result, new Object[] {argument});
            return;
        }
        switch (shape) {
            case RESULT_AND_ARGUMENTS -> {
                Object ignored = direct.invokeExact(target, result, argument);
            }
            case RESULT -> {
                Object ignored = direct.invokeExact(target, result);
            }
            case ARGUMENTS -> {
                Object ignored = direct.invokeExact(target, argument);
            }
            case NOTHING -> {
                Object ignored = direct.invokeExact(target);
            }
            default -> compensate(target, result, new Object[] {argument});
        }
    }

    void compensate(Object target, Object result, Object[] args) throws Throwable {
        switch (shape) {
            case HANDLER -> handler.compensate(result, args.clone());
            case RESULT_AND_ARGUMENTS -> {
                Object[] values = new Object[args.length + 1];
                values[0] = result;
                System.arraycopy(args, 0, values, 1, args.length);
                Object ignored = invoker.invokeExact(target, values);
            }
            case RESULT -> {
                Object ignored = invoker.invokeExact(target, new Object[] {result});
            }
            case ARGUMENTS -> {
                Object ignored = invoker.invokeExact(target, args);
            }
            case NOTHING -> {
                Object ignored = invoker.invokeExact(target, new Object[0]);
            }
            default -> throw new AssertionError("invalid plan compensated: " + error);
        }
    }
}
