package dev.rollback.spi;

import dev.rollback.RollbackScope;
import dev.rollback.internal.BoundTasks;

/**
 * The scope open on one thread, captured to be entered on another in two steps, for context
 * propagation libraries that restore a captured context before a task and undo it after
 * (Micrometer's {@code ThreadLocalAccessor}), where {@link dev.rollback.Rollback#wrap(Runnable)}
 * cannot wrap the task itself. Between {@link #enter()} and {@link Entered#leave()} the thread is
 * inside the scope exactly as a wrapped task is (semantics C1): its records go there, a rollback
 * of the scope waits for it (C3), and leaving puts the thread back as it was.
 *
 * <pre>{@code
 * ScopeBinding binding = ScopeBinding.capture();     // on the thread inside the scope; null if none
 * ...
 * ScopeBinding.Entered entered = binding.enter();    // on the thread that runs the work
 * try { work.run(); } finally { entered.leave(); }
 * }</pre>
 */
public interface ScopeBinding {

    /**
     * Captures the innermost scope open on this thread; from now on it takes records from other threads.
     *
     * @return the binding, or {@code null} when no scope is open on this thread
     */
    static ScopeBinding capture() {
        return BoundTasks.capture();
    }

    /** {@return the captured scope} */
    RollbackScope scope();

    /**
     * Makes the scope current on this thread, until {@link Entered#leave()}; a binding may be
     * entered any number of times, on any threads, also nested.
     *
     * @return what leaves it again, on this thread
     */
    Entered enter();

    /** One entry of a binding on one thread. */
    interface Entered {

        /**
         * Leaves the scope: scopes opened since {@link #enter()} and left open are closed (rolled back
         * unless committed), and the thread's rollback state is back as it was before the entry.
         * Entries of one thread are left in the reverse order of entering.
         *
         * @throws dev.rollback.RollbackStateException when called on another thread, a second time,
         *                                             out of order, or when the work left scopes open
         */
        void leave();
    }
}
