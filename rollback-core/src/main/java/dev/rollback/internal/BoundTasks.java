package dev.rollback.internal;

import dev.rollback.RollbackStateException;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Tasks bound to the scope that was current when they were wrapped (semantics C1): on whatever
 * thread they run, they run inside it, and the thread's own state is back as it was when they end.
 */
public final class BoundTasks {

    private BoundTasks() {
    }

    /**
     * @param task the task
     * @return the task bound to this thread's innermost scope; the task itself when none is open
     */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        Scope scope = Scopes.peek();
        if (scope == null || task instanceof BoundRunnable bound && bound.scope == scope) {
            return task;
        }
        scope.share();
        return new BoundRunnable(scope, task);
    }

    /**
     * @param task the task
     * @param <T>  its result
     * @return the task bound to this thread's innermost scope; the task itself when none is open
     */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        Scope scope = Scopes.peek();
        if (scope == null || task instanceof BoundCallable<T> bound && bound.scope == scope) {
            return task;
        }
        scope.share();
        return new BoundCallable<>(scope, task);
    }

    /** What a bound task runs. */
    private interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs a body inside a scope, and reports what a task left open. */
    private static <T, E extends Exception> T runInside(Scope scope, Work<T, E> body) throws E {
        Scope previous = Scopes.enterTask(scope);
        T result;
        try {
            result = body.run();
        } catch (Throwable thrown) {
            RollbackStateException leftOpen = Scopes.leaveTask(scope, previous);
            if (leftOpen != null) {
                thrown.addSuppressed(leftOpen);
            }
            throw thrown;
        }
        RollbackStateException leftOpen = Scopes.leaveTask(scope, previous);
        if (leftOpen != null) {
            throw leftOpen;
        }
        return result;
    }

    private static final class BoundRunnable implements Runnable {
        final Scope scope;
        private final Runnable task;

        BoundRunnable(Scope scope, Runnable task) {
            this.scope = scope;
            this.task = task;
        }

        @Override
        public void run() {
            BoundTasks.<Void, RuntimeException>runInside(scope, () -> {
                task.run();
                return null;
            });
        }

        @Override
        public String toString() {
            return task + " in " + scope;
        }
    }

    private static final class BoundCallable<T> implements Callable<T> {
        final Scope scope;
        private final Callable<T> task;

        BoundCallable(Scope scope, Callable<T> task) {
            this.scope = scope;
            this.task = task;
        }

        @Override
        public T call() throws Exception {
            return runInside(scope, task::call);
        }

        @Override
        public String toString() {
            return task + " in " + scope;
        }
    }
}
