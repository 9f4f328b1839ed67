package dev.rollback.internal;

import dev.rollback.Compensation;
import dev.rollback.annotation.Propagation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.Objects;

/**
 * The engine side of {@link dev.rollback.Rollback}'s programmatic API.
 */
public final class ProgrammaticScopes {

    private ProgrammaticScopes() {
    }

    /**
     * @param name        the operation name
     * @param propagation how the scope relates to an enclosing one
     * @return the open scope
     */
    public static Scope open(String name, Propagation propagation) {
        return open(name, propagation, false);
    }

    /**
     * @param name        the operation name
     * @param propagation how the scope relates to an enclosing one
     * @param parallel    whether compensations of equal priority run concurrently
     * @return the open scope
     */
    public static Scope open(String name, Propagation propagation, boolean parallel) {
        return open(name, propagation, parallel, false);
    }

    /**
     * @param name        the operation name
     * @param propagation how the scope relates to an enclosing one
     * @param parallel    whether compensations of equal priority run concurrently
     * @param durable     whether the scope is journaled
     * @return the open scope
     * @throws dev.rollback.RollbackStateException when it is durable and no journal is installed
     */
    public static Scope open(String name, Propagation propagation, boolean parallel, boolean durable) {
        return Scopes.openProgrammatic(name, propagation, parallel, durable);
    }

    /**
     * Runs a body that returns a stage in a scope that stays open until the stage completes.
     *
     * @param name        the operation name
     * @param propagation how the scope relates to an enclosing one
     * @param parallel    whether compensations of equal priority run concurrently
     * @param body        the work
     * @param <T>         its result
     * @return a future that completes once the scope has settled
     */
    public static <T> CompletableFuture<T> async(String name, Propagation propagation, boolean parallel,
                                                 Supplier<? extends CompletionStage<T>> body) {
        return async(name, propagation, parallel, false, body);
    }

    /**
     * Like {@link #async(String, Propagation, boolean, Supplier)}, for a scope that may be durable.
     *
     * @param name        the operation name
     * @param propagation how the scope relates to an enclosing one
     * @param parallel    whether compensations of equal priority run concurrently
     * @param durable     whether the scope is journaled
     * @param body        the work
     * @param <T>         its result
     * @return a future that completes once the scope has settled
     */
    public static <T> CompletableFuture<T> async(String name, Propagation propagation, boolean parallel, boolean durable,
                                                 Supplier<? extends CompletionStage<T>> body) {
        Objects.requireNonNull(body, "body");
        Scope scope = open(name, propagation, parallel, durable);
        CompletionStage<T> stage;
        try {
            stage = body.get();
        } catch (Throwable thrown) {
            fail(scope, thrown);
            throw thrown;
        }
        if (stage == null) {
            Scopes.exit(scope, null);
            throw new NullPointerException("the body of Rollback.async(\"" + name + "\", ...) returned null; accepted:"
                    + " a CompletionStage (CompletableFuture.completedFuture(value) for work already done)");
        }
        return follow(scope, stage);
    }

    /**
     * Detaches a scope whose body returned a stage from this thread, and lets it follow the stage.
     *
     * @param scope the scope, still current on this thread
     * @param stage what its body returned, or {@code null}
     * @param <T>   the result
     * @return a future that completes once the scope has settled; {@code null} for a {@code null} stage
     */
    public static <T> CompletableFuture<T> follow(Scope scope, CompletionStage<T> stage) {
        Scopes.detach(scope);
        return ScopeFuture.follow(scope, stage);
    }

    /**
     * Closes a {@code Rollback.run}/{@code call} scope whose body returned.
     *
     * @param scope the scope
     */
    public static void succeed(Scope scope) {
        Scopes.exit(scope, null);
    }

    /**
     * Rolls back a {@code Rollback.run}/{@code call} scope whose body threw; the caller rethrows.
     *
     * @param scope  the scope
     * @param thrown what the body threw
     */
    public static void fail(Scope scope, Throwable thrown) {
        Scopes.exit(scope, thrown);
    }

    /**
     * @param description  shown in reports
     * @param priority     higher runs first
     * @param timeout      per attempt; zero for none
     * @param retries      extra attempts
     * @param compensation the undo action
     */
    public static void register(String description, int priority, Duration timeout, int retries, Compensation compensation) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(compensation, "compensation");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout " + timeout + " for '" + description
                    + "'; accepted: Duration.ZERO (no limit) or a positive duration");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries " + retries + " for '" + description + "'; accepted: 0 or more");
        }
        long timeoutMillis = timeout.isZero() ? 0 : Math.max(1, timeout.toMillis());
        Scopes.register(description, priority, timeoutMillis, retries, compensation);
    }
}
