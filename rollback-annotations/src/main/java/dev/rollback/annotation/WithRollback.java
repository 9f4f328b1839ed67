package dev.rollback.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method atomic: it either completes, or every {@link Compensate} call it made (directly
 * or deeper down the stack) is undone before its exception leaves it.
 *
 * <pre>{@code
 * @WithRollback("create-agent")
 * public Agent createAgent(String name) {
 *     Path dir = workspaces.create(name);    // @Compensate("delete")
 *     Process worker = workers.start(name);  // @Compensate("stop")
 *     return agents.insert(name, dir, worker);
 * }
 * }</pre>
 *
 * <p>Entering the method opens a scope bound to the current thread; leaving it closes the scope.
 * When a throwable leaves the method and {@linkplain #rollbackFor() calls for a rollback}, the
 * compensations recorded in this scope run, highest {@link Compensate#priority() priority}
 * first and newest first among equals, and then the very same throwable is rethrown.
 *
 * <p>A method whose declared return type is {@code CompletionStage} or {@code CompletableFuture}
 * keeps its scope open until the stage it returns completes: its caller gets a
 * {@code CompletableFuture} that completes once the scope has settled (committed on normal
 * completion; rolled back on exceptional completion or cancellation). A method returning any other
 * {@code java.util.concurrent.Future} cannot be observed and is a configuration error.
 *
 * <p>On a type, the annotation applies to every public method the type declares; an annotation
 * on a method of that type takes precedence over the one on the type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface WithRollback {

    /**
     * The operation name used in reports and logs.
     *
     * <p>Default {@code ""}: {@code "SimpleClassName.methodName"}.
     *
     * @return the operation name, or {@code ""} for {@code "SimpleClassName.methodName"}
     */
    String value() default "";

    /**
     * Throwables that roll the scope back, matched with {@code instanceof}.
     *
     * <p>Default empty, which counts as {@code Throwable}: every throwable rolls back. When a
     * throwable matches both this and {@link #noRollbackFor()}, the entry closer to the
     * throwable's own class in its hierarchy wins; at equal distance, {@code noRollbackFor} wins.
     *
     * @return the throwables that roll back; empty for every throwable
     */
    Class<? extends Throwable>[] rollbackFor() default {};

    /**
     * Throwables that leave the method without a rollback: the scope is treated as if the method
     * had returned.
     *
     * <p>Default empty.
     *
     * @return the throwables that do not roll back
     */
    Class<? extends Throwable>[] noRollbackFor() default {};

    /**
     * How this scope relates to a scope already open on the thread.
     *
     * <p>Default {@link Propagation#NESTED}.
     *
     * @return how this scope relates to an enclosing one
     */
    Propagation propagation() default Propagation.NESTED;

    /**
     * Whether compensations of equal priority run concurrently on rollback. Priority groups still
     * run one after another, highest first; at most {@code Rollback.setParallelism(int)}
     * compensations of one rollback run at once; the report lists them in running order.
     *
     * <p>Default {@code false}: one after another, newest first.
     *
     * @return whether equal priorities are undone concurrently
     */
    boolean parallelCompensation() default false;

    /**
     * Whether this scope is journaled, so that a process that dies inside it (SIGKILL, power loss)
     * leaves nothing behind once {@code DurableRollback.recover()} runs (module
     * {@code rollback-durable}). Each {@code @Compensate} call's intent (method and arguments) is
     * journaled before its body runs and its record (with the result) before it returns; each
     * compensation's success before the next starts. Scopes opened inside a durable scope are
     * durable too. Opening a durable scope with no journal installed
     * ({@code DurableRollback.install(journal)}, or {@code -Drollback.journal=DIR}) throws
     * {@code RollbackStateException} before the body runs.
     *
     * <p>Default {@code false}: the scope lives in memory only.
     *
     * @return whether the scope is journaled
     */
    boolean durable() default false;
}
