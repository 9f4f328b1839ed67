package dev.rollback;

import dev.rollback.annotation.Propagation;
import dev.rollback.internal.Listeners;
import dev.rollback.internal.RetryBackoff;
import dev.rollback.internal.Scope;
import dev.rollback.internal.Scopes;
import dev.rollback.internal.ProgrammaticScopes;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The static entry points: programmatic scopes, registering compensations, listeners and retry
 * settings. Annotated ({@code @WithRollback}) and programmatic scopes are the same scopes and nest
 * with each other.
 *
 * <pre>{@code
 * try (RollbackScope scope = Rollback.begin("create-agent")) {
 *     Path dir = Files.createDirectory(root.resolve("agent-7"));
 *     Rollback.register("remove " + dir, 60, () -> Compensations.deleteTree(dir, root));
 *     ...
 *     scope.commit();                    // without commit, close() rolls back
 * }
 * }</pre>
 *
 * <h2>Retries</h2>
 * A compensation with retries waits before each retry: 50 ms before the first, doubling each time,
 * at most 2 s. Set the delays with the system properties {@code rollback.retry.initialDelayMillis}
 * and {@code rollback.retry.maxDelayMillis} (read once, when Rollback is first used), or at run time
 * with {@link #setRetryBackoff(Duration, Duration)}. The pause is not interrupted by interrupts.
 */
public final class Rollback {

    private Rollback() {
    }

    /**
     * A body for {@link #run}.
     *
     * @param <E> what it may throw
     */
    @FunctionalInterface
    public interface Body<E extends Throwable> {
        /**
         * Runs the body.
         *
         * @throws E as the body may
         */
        void run() throws E;
    }

    /**
     * A body with a result, for {@link #call}.
     *
     * @param <T> its result
     * @param <E> what it may throw
     */
    @FunctionalInterface
    public interface ResultBody<T extends @Nullable Object, E extends Throwable> {
        /**
         * {@return the result}
         *
         * @throws E as the body may
         */
        T call() throws E;
    }

    /**
     * Opens a scope with {@link Propagation#NESTED} on the current thread.
     *
     * @param name the operation name, shown in reports
     * @return the scope; close it (try-with-resources), after {@link RollbackScope#commit()} on success
     */
    public static RollbackScope begin(String name) {
        return begin(name, Propagation.NESTED);
    }

    /**
     * Opens a scope on the current thread.
     *
     * @param name        the operation name, shown in reports
     * @param propagation how it relates to a scope already open
     * @return the scope; close it (try-with-resources), after {@link RollbackScope#commit()} on success
     */
    public static RollbackScope begin(String name, Propagation propagation) {
        return ProgrammaticScopes.open(Objects.requireNonNull(name, "name"), Objects.requireNonNull(propagation, "propagation"));
    }

    /**
     * Runs a body in a scope of its own: if it throws, the scope rolls back and the very same
     * throwable is rethrown, with a suppressed {@link RollbackIncompleteException} when the
     * rollback was incomplete.
     *
     * @param name the operation name
     * @param body the work
     * @param <E>  what the body may throw; a body that throws no checked exception needs no catch
     * @throws E what the body threw
     */
    public static <E extends Throwable> void run(String name, Body<E> body) throws E {
        Objects.requireNonNull(body, "body");
        Scope scope = ProgrammaticScopes.open(Objects.requireNonNull(name, "name"), Propagation.NESTED);
        try {
            body.run();
        } catch (Throwable thrown) {
            ProgrammaticScopes.fail(scope, thrown);
            throw thrown;
        }
        ProgrammaticScopes.succeed(scope);
    }

    /**
     * Like {@link #run}, for a body with a result.
     *
     * @param name the operation name
     * @param body the work
     * @param <T>  its result
     * @param <E>  what the body may throw
     * @return what the body returned
     * @throws E what the body threw
     */
    public static <T extends @Nullable Object, E extends Throwable> T call(String name, ResultBody<T, E> body) throws E {
        Objects.requireNonNull(body, "body");
        Scope scope = ProgrammaticScopes.open(Objects.requireNonNull(name, "name"), Propagation.NESTED);
        T result;
        try {
            result = body.call();
        } catch (Throwable thrown) {
            ProgrammaticScopes.fail(scope, thrown);
            throw thrown;
        }
        ProgrammaticScopes.succeed(scope);
        return result;
    }

    /** {@return the innermost scope open on this thread} */
    public static Optional<RollbackScope> current() {
        return Optional.ofNullable(Scopes.peek());
    }

    /**
     * Records a compensation in the innermost open scope, with priority 0.
     *
     * @param description shown in reports
     * @param compensation the undo action
     * @throws RollbackStateException when no scope is open on this thread
     */
    public static void register(String description, Compensation compensation) {
        register(description, 0, compensation);
    }

    /**
     * Records a compensation in the innermost open scope.
     *
     * @param description  shown in reports
     * @param priority     higher runs first
     * @param compensation the undo action
     * @throws RollbackStateException when no scope is open on this thread
     */
    public static void register(String description, int priority, Compensation compensation) {
        register(description, priority, Duration.ZERO, 0, compensation);
    }

    /**
     * Records a compensation in the innermost open scope, with a time limit and retries.
     *
     * @param description  shown in reports
     * @param priority     higher runs first
     * @param timeout      the most one attempt may take; {@link Duration#ZERO} for no limit
     * @param retries      extra attempts after a failure
     * @param compensation the undo action
     * @throws RollbackStateException   when no scope is open on this thread
     * @throws IllegalArgumentException when the timeout or the retries are negative
     */
    public static void register(String description, int priority, Duration timeout, int retries,
                                Compensation compensation) {
        ProgrammaticScopes.register(description, priority, timeout, retries, compensation);
    }

    /**
     * Adds a listener for every scope and rollback of this JVM.
     *
     * @param listener the listener
     */
    public static void addListener(RollbackListener listener) {
        Listeners.add(listener);
    }

    /**
     * Removes a listener added before.
     *
     * @param listener the listener
     * @return whether it was registered
     */
    public static boolean removeListener(RollbackListener listener) {
        return Listeners.remove(listener);
    }

    /**
     * Sets the pause before retries: {@code initial} before the first, doubling, at most {@code max}.
     *
     * @param initial the pause before the first retry
     * @param max     the longest pause
     * @throws IllegalArgumentException when a duration is negative or {@code max < initial}
     */
    public static void setRetryBackoff(Duration initial, Duration max) {
        RetryBackoff.set(initial, max);
    }
}
