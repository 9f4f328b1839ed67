package dev.rollback;

import dev.rollback.annotation.Propagation;
import dev.rollback.internal.BoundExecutors;
import dev.rollback.internal.BoundTasks;
import dev.rollback.internal.Listeners;
import dev.rollback.internal.ParallelCompensations;
import dev.rollback.internal.RetryBackoff;
import dev.rollback.internal.Scope;
import dev.rollback.internal.Scopes;
import dev.rollback.internal.ProgrammaticScopes;
import dev.rollback.internal.TaskWait;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

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

    /**
     * A programmatic scope with more attributes than a name, for example
     * {@code Rollback.scope("tear-down").parallelCompensation(true).run(() -> ...)}.
     *
     * @param name the operation name, shown in reports
     * @return a spec with {@link Propagation#NESTED} and compensations one after another
     */
    public static ScopeSpec scope(String name) {
        return new ScopeSpec(name, Propagation.NESTED, false);
    }

    /**
     * Runs a body whose work outlives it (semantics C5): the scope stays open until the stage the
     * body returns completes. Normal completion commits; exceptional completion, or cancelling the
     * returned future, rolls back. The returned future completes only after the scope has settled,
     * with the stage's result or with the very throwable the stage failed with (carrying a
     * suppressed {@link RollbackIncompleteException} when the rollback was incomplete). The calling
     * thread leaves the scope when the body returns; only work bound to the scope ({@link #wrap},
     * {@link #executor}) records into it afterwards. A body that throws rolls back at once, and
     * the throwable is rethrown.
     *
     * <pre>{@code
     * CompletableFuture<Agent> agent = Rollback.async("create-agent", () ->
     *         CompletableFuture.supplyAsync(() -> workspaces.create(name), Rollback.executor(pool))
     *                 .thenApplyAsync(dir -> workers.start(name, dir), Rollback.executor(pool)));
     * }</pre>
     *
     * @param name the operation name
     * @param body the work, returning the stage that completes when the work is done
     * @param <T>  its result
     * @return a future that completes once the scope has settled
     * @throws NullPointerException when the body returns {@code null}
     */
    public static <T> CompletableFuture<T> async(String name, Supplier<? extends CompletionStage<T>> body) {
        return ProgrammaticScopes.async(Objects.requireNonNull(name, "name"), Propagation.NESTED, false, body);
    }

    /**
     * Binds a task to the scope open on this thread now (semantics C1): on whatever thread it runs,
     * it runs inside that scope, so its {@code @Compensate} calls record there and a
     * {@code @WithRollback} inside it nests there. When it ends, its thread's own state is back as it
     * was. A rollback of the scope waits for its tasks still running (see {@link #setTaskWait}).
     *
     * @param task the task
     * @return the bound task; {@code task} itself when no scope is open
     */
    public static Runnable wrap(Runnable task) {
        return BoundTasks.wrap(task);
    }

    /**
     * Like {@link #wrap(Runnable)}, for a task with a result.
     *
     * @param task the task
     * @param <T>  its result
     * @return the bound task; {@code task} itself when no scope is open
     */
    public static <T> Callable<T> wrap(Callable<T> task) {
        return BoundTasks.wrap(task);
    }

    /**
     * An executor that binds every task, as it is submitted, to the scope open on the submitting
     * thread (see {@link #wrap(Runnable)}); tasks submitted with no scope open run as they would.
     * Pass it to {@code CompletableFuture.supplyAsync(..., Rollback.executor(pool))} and the
     * {@code *Async} methods of a stage: a stage's {@code thenApplyAsync} without it is not bound.
     *
     * @param executor where the tasks run
     * @return the binding executor (an {@link ExecutorService} when {@code executor} is one)
     */
    public static Executor executor(Executor executor) {
        return BoundExecutors.of(executor);
    }

    /**
     * Like {@link #executor(Executor)}, for an executor service: {@code submit}, {@code invokeAll},
     * {@code invokeAny} and {@code execute} bind their tasks; shutting it down shuts down
     * {@code executor}.
     *
     * @param executor where the tasks run
     * @return the binding executor service
     */
    public static ExecutorService executor(ExecutorService executor) {
        return BoundExecutors.of(executor);
    }

    /**
     * Sets how long a rollback waits for its scope's wrapped tasks still running before it undoes
     * what the scope holds (default 10 s). Records that tasks make after that follow semantics C4.
     *
     * @param limit the longest wait; {@link Duration#ZERO} not to wait
     * @throws IllegalArgumentException when it is negative
     */
    public static void setTaskWait(Duration limit) {
        TaskWait.set(limit);
    }

    /**
     * Sets how many compensations of one rollback with parallel compensation run at once, the
     * rolling-back thread included (default 16). The workers come from one pool shared by all
     * rollbacks, whose threads end when idle.
     *
     * @param limit 1 or more
     * @throws IllegalArgumentException when it is below 1
     */
    public static void setParallelism(int limit) {
        ParallelCompensations.setParallelism(limit);
    }

    /**
     * The idempotency key of the compensation running on this thread (D6), for compensations that
     * must not act twice: recovery after a crash is at-least-once, so a compensation that checks its
     * key (a row of done keys, a conditional request) is exactly-once.
     *
     * <pre>{@code
     * void delete(String row) {
     *     String key = Rollback.idempotencyKey();
     *     if (done.add(key)) { db.delete(row); }
     * }
     * }</pre>
     *
     * <p>In a durable scope the key is the journal's {@code <scope id>:<step>}: the same live and in
     * every recovery, in any process. For any other record it is {@code <operation id>:<n>}, with
     * {@code n} unique in the JVM, stable through the record's retries (a record runs at most once,
     * semantics 7). Readable on the thread that runs the compensation, a timed one's worker included.
     *
     * @return the key
     * @throws RollbackStateException when no compensation runs on this thread
     */
    public static String idempotencyKey() {
        return dev.rollback.internal.CompensationKeys.current();
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
