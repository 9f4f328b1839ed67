package dev.rollback.internal;

import dev.rollback.RollbackStateException;
import dev.rollback.spi.ScopeBinding;

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

    /**
     * @return this thread's innermost scope as a binding to enter elsewhere, shared as a wrapped
     *         task's is; {@code null} when none is open
     */
    public static ScopeBinding capture() {
        Scope scope = Scopes.peek();
        if (scope == null) {
            return null;
        }
        scope.share();
        return new Binding(scope);
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

    private record Binding(Scope scope) implements ScopeBinding {

        @Override
        public ScopeBinding.Entered enter() {
            return new Entry(scope, Scopes.enterTask(scope), Thread.currentThread());
        }

        @Override
        public String toString() {
            return "binding of " + scope;
        }
    }

    private static final class Entry implements ScopeBinding.Entered {
        private final Scope scope;
        private final Scope previous;
        private final Thread thread;
        private boolean left;

        Entry(Scope scope, Scope previous, Thread thread) {
            this.scope = scope;
            this.previous = previous;
            this.thread = thread;
        }

        @Override
        public void leave() {
            if (left || Thread.currentThread() != thread || !Scopes.isInnermostTask(scope)) {
                throw new RollbackStateException("leave() of an entry of " + scope + " on thread '"
                        + Thread.currentThread().getName() + "'" + (left ? ", which was left already" : "")
                        + "; accepted: once, on the thread that entered it ('" + thread.getName()
                        + "'), entries left in the reverse order of entering");
            }
            left = true;
            RollbackStateException leftOpen = Scopes.leaveTask(scope, previous);
            if (leftOpen != null) {
                throw leftOpen;
            }
        }
    }
}
