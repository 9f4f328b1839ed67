package dev.rollback.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource-acquiring method: once it returns normally inside an open
 * {@link WithRollback} scope, it records how to undo itself. If the method throws, or no scope is
 * open, nothing is recorded.
 *
 * <pre>{@code
 * @Compensate(value = "closeTab", priority = 90, timeoutMillis = 5_000, retries = 2)
 * public int openTab(String title) { ... }
 *
 * private void closeTab(int tabId, String title) { ... }   // (result, args...)
 * }</pre>
 *
 * <p>Exactly one of {@link #value()} and {@link #handler()} is given. The compensating method
 * named by {@code value} is looked up among the methods declared by the class that declares the
 * annotated method (any visibility; static exactly when the annotated method is static). Its
 * parameters are taken from the first shape that fits:
 * <ol>
 *   <li>{@code (R result, A1 .. An)}: the return value, then the original arguments;</li>
 *   <li>{@code (R result)}: the return value alone;</li>
 *   <li>{@code (A1 .. An)}: the original arguments;</li>
 *   <li>{@code ()}: nothing.</li>
 * </ol>
 * Shapes 1 and 2 apply only to methods that return a value. A parameter accepts a value when the
 * value's declared type is assignable to it, with boxing and unboxing but no primitive widening.
 * A misconfiguration (no method fits, two fit at the same rank, both or neither of
 * {@code value} and {@code handler}, a negative {@code timeoutMillis} or {@code retries}) raises
 * a {@code CompensationConfigurationException} on every call of the method, before its body
 * runs, whether or not a scope is open.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Compensate {

    /**
     * The name of the compensating method on the same class.
     *
     * <p>Default {@code ""}: none; then {@link #handler()} must be given.
     *
     * @return the compensating method's name, or {@code ""} when a handler undoes the call
     */
    String value() default "";

    /**
     * A handler class that undoes the call, with a public no-arg constructor.
     *
     * <p>Default {@link CompensationHandler.None}: none; then {@link #value()} must be given.
     *
     * @return the handler class, or {@link CompensationHandler.None} when a method undoes the call
     */
    @SuppressWarnings("rawtypes")
    Class<? extends CompensationHandler> handler() default CompensationHandler.None.class;

    /**
     * Higher priorities run first on rollback; among equal priorities, the newest record runs
     * first.
     *
     * <p>Default {@code 0}.
     *
     * @return the priority; higher runs first
     */
    int priority() default 0;

    /**
     * The most time one attempt may take, in milliseconds. A positive value runs the attempt on a
     * dedicated daemon worker thread that is interrupted when the time is up; the outcome is then
     * {@code TIMED_OUT} and the attempt is not retried (it may still be running).
     *
     * <p>Default {@code 0}: no limit; the compensation runs inline on the rolling-back thread.
     *
     * @return the limit of one attempt in milliseconds; {@code 0} for none
     */
    long timeoutMillis() default 0;

    /**
     * Extra attempts after a failed one, with exponential back-off between attempts (see
     * {@code dev.rollback.Rollback} for the delays and how to configure them).
     *
     * <p>Default {@code 0}: one attempt.
     *
     * @return the extra attempts after a failure
     */
    int retries() default 0;

    /**
     * Shown in reports and logs.
     *
     * <p>Default {@code ""}: {@code "SimpleClassName.method(arg1, arg2)"} with the call's arguments.
     *
     * @return the description, or {@code ""} for one built from the call
     */
    String description() default "";
}
