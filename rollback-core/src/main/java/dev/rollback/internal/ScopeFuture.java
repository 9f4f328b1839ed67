package dev.rollback.internal;

import dev.rollback.RollbackIncompleteException;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The future the caller of an asynchronous scope gets (semantics C5): it completes only once the
 * scope has settled. The stage the body returned completing normally commits the scope; completing
 * exceptionally (or being cancelled) rolls it back, and the caller's future then fails with the very
 * throwable the stage failed with, carrying a suppressed {@link RollbackIncompleteException} when
 * the rollback was incomplete. Cancelling this future cancels the scope: the body's stage is
 * cancelled too when it is a {@link Future}, the scope rolls back, and only then is this future
 * cancelled. Whichever comes first settles the scope; it settles once.
 *
 * <p>Completing this future from outside ({@link #complete}, {@link #completeExceptionally}) settles
 * the scope as if the body's stage had so completed.
 *
 * @param <T> the result
 */
final class ScopeFuture<T> extends CompletableFuture<T> {

    private final Scope scope;
    private final CompletionStage<?> stage;
    private final AtomicBoolean settled = new AtomicBoolean();

    private ScopeFuture(Scope scope, CompletionStage<?> stage) {
        this.scope = scope;
        this.stage = stage;
    }

    /**
     * Lets a detached scope follow the stage its body returned.
     *
     * @param scope a scope no thread is inside any more ({@link Scopes#detach})
     * @param stage what the body returned; {@code null} settles the scope at once, as a return
     * @return what the caller gets in place of the stage; {@code null} when the stage was null
     */
    @SuppressWarnings("unchecked")
    static <T> CompletableFuture<T> follow(Scope scope, CompletionStage<T> stage) {
        if (stage == null) {
            Scopes.settleCommitted(scope);
            return null;
        }
        ScopeFuture<T> future = new ScopeFuture<>(scope, stage);
        stage.whenComplete((value, failure) -> future.settle((T) value, failure));
        return future;
    }

    @Override
    public boolean complete(T value) {
        return settle(value, null);
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        return settle(null, failure);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (!settled.compareAndSet(false, true)) {
            return isCancelled();
        }
        CancellationException cancellation = new CancellationException("the caller cancelled the future of " + scope);
        if (stage instanceof Future<?> work) {
            work.cancel(mayInterruptIfRunning);
        }
        RuntimeException incomplete = Scopes.failureOf(scope, Scopes.settleRolledBack(scope, cancellation));
        if (incomplete != null) {
            cancellation.addSuppressed(incomplete);
        }
        // a CancellationException makes this future cancelled, and carries what the rollback left undone
        super.completeExceptionally(cancellation);
        return true;
    }

    private boolean settle(T value, Throwable failure) {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        if (failure == null) {
            try {
                Scopes.settleCommitted(scope);
            } catch (RuntimeException lateRollbackFailed) {
                // its records reached a scope that had rolled back meanwhile, and undoing them failed
                return super.completeExceptionally(lateRollbackFailed);
            }
            return super.complete(value);
        }
        Throwable cause = unwrap(failure);
        if (scope.policy().rollsBackOn(cause)) {
            RollbackRun.Result result = Scopes.settleRolledBack(scope, cause);
            if (!result.complete()) {
                cause.addSuppressed(new RollbackIncompleteException(result.report()));
            }
            result.listenerFailures().forEach(cause::addSuppressed);
        } else {
            try {
                Scopes.settleCommitted(scope);
            } catch (RuntimeException lateRollbackFailed) {
                cause.addSuppressed(lateRollbackFailed);
            }
        }
        return super.completeExceptionally(failure);
    }

    /** A stage derived from a failed one fails with a {@link CompletionException} around the cause. */
    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
