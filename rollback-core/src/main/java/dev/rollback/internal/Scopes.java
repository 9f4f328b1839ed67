package dev.rollback.internal;

import dev.rollback.Compensation;
import dev.rollback.RollbackIncompleteException;
import dev.rollback.RollbackStateException;
import dev.rollback.annotation.Propagation;

/**
 * The scopes of each thread, innermost first, and every way of opening and closing them. When the
 * outermost scope closes, the thread-local entry is removed, so a pooled thread keeps nothing.
 *
 * <p>{@code ThreadLocal.get()} creates an empty entry on a thread that has none. The public
 * look-ups ({@link #peek()}) remove it again; the weavers' fast path for a {@code @Compensate} call
 * outside any scope ({@link #current()}) does not, because that would cost an allocation per call.
 * The empty entry it may leave holds no scope, no record and no application class, and is removed
 * when the next outermost scope on that thread closes.
 */
public final class Scopes {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    /** The wrapped tasks this thread is running, innermost first; only set while it runs one. */
    private static final ThreadLocal<TaskFrame> TASKS = new ThreadLocal<>();

    private Scopes() {
    }

    /** @return the innermost open scope of this thread, or {@code null}; the weavers' fast path */
    public static Scope current() {
        return CURRENT.get();
    }

    /** @return the innermost open scope of this thread, or {@code null}, leaving no entry behind */
    public static Scope peek() {
        Scope scope = CURRENT.get();
        if (scope == null) {
            CURRENT.remove();
        }
        return scope;
    }

    static Scope open(ScopePolicy policy, String name, boolean programmatic) {
        Scope parent = CURRENT.get();
        Scope scope = new Scope(policy, name, parent, programmatic);
        Listeners.scopeStarted(scope);
        CURRENT.set(scope);
        if (parent != null && parent.owner == scope.owner) {
            parent.openChild = scope;
        }
        return scope;
    }

    /** Runs an action with no scope current on this thread (recovery at bootstrap), then restores it. */
    static void outsideAnyScope(Runnable action) {
        Scope current = CURRENT.get();
        CURRENT.remove();
        try {
            action.run();
        } finally {
            if (current != null) {
                CURRENT.set(current);
            }
        }
    }

    static Scope openProgrammatic(String name, Propagation propagation, boolean parallel, boolean durable) {
        return open(ScopePolicy.programmatic(name, propagation, parallel, durable), name, true);
    }

    static void register(String description, int priority, long timeoutMillis, int retries, Compensation compensation) {
        Scope scope = peek();
        if (scope == null) {
            throw new RollbackStateException("Rollback.register(\"" + description + "\", ...) with no scope open on thread '"
                    + Thread.currentThread().getName() + "'; accepted: inside a @WithRollback method, Rollback.run,"
                    + " Rollback.call or a Rollback.begin block (compensations themselves run outside any scope)");
        }
        if (scope.journal != null) {
            throw new RollbackStateException("Rollback.register(\"" + description + "\", ...) in durable " + scope
                    + ": a lambda cannot be journaled, so recovery could not run it; accepted: a @Compensate method"
                    + " (its arguments and result are journaled), or register in a scope that is not durable");
        }
        record(scope, new LambdaRecord(description, priority, timeoutMillis, retries, compensation));
    }

    /**
     * Keeps a record in the scope it was made in, or, when that scope has closed meanwhile (a task
     * of the scope still running), where {@link LateRecords} sends it.
     */
    static void record(Scope scope, Record record) {
        if (scope.keep(record)) {
            Listeners.recorded(scope, record);
        } else {
            Scope keptIn = LateRecords.deliver(scope, record);
            if (keptIn != null) {
                Listeners.recorded(keptIn, record);
            }
        }
    }

    /**
     * Closes the innermost annotated scope as its method leaves.
     *
     * @param thrown what leaves the method, or {@code null} when it returned
     * @throws RollbackStateException when the method returned but left programmatic scopes open
     */
    static void exitAnnotated(Throwable thrown) {
        Scope scope = CURRENT.get();
        while (scope != null && scope.programmatic) {
            scope = scope.parent;
        }
        if (scope == null || scope.owner != Thread.currentThread()) {
            throw new RollbackStateException("a @WithRollback method is leaving, but thread '"
                    + Thread.currentThread().getName() + "' has no scope open for it; accepted: scopes closed"
                    + " in the order they were opened, on the thread that opened them");
        }
        exit(scope, thrown);
    }

    /**
     * Closes a scope as its body leaves: a throwable that calls for a rollback rolls it back and
     * gets one suppressed {@link RollbackIncompleteException} if the rollback was incomplete;
     * anything else closes it as a success.
     */
    static void exit(Scope scope, Throwable thrown) {
        RollbackStateException leftOpen = unwindInnerScopes(scope);
        boolean rollsBack = thrown != null && scope.policy().rollsBackOn(thrown);
        if (Deferrals.deferred(scope, rollsBack, rollsBack ? thrown : null)) {
            pop(scope);
        } else if (rollsBack) {
            RollbackRun.Result result = rollBack(scope, thrown);
            if (!result.complete()) {
                thrown.addSuppressed(new RollbackIncompleteException(result.report()));
            }
            for (Throwable listenerFailure : result.listenerFailures()) {
                thrown.addSuppressed(listenerFailure);
            }
        } else if (thrown == null) {
            succeed(scope);
        } else {
            try {
                succeed(scope);
            } catch (RuntimeException failure) {
                thrown.addSuppressed(failure); // the method's own throwable leaves, the same instance (semantics 4)
            }
        }
        if (leftOpen != null) {
            if (thrown == null) {
                throw leftOpen;
            }
            thrown.addSuppressed(leftOpen);
        }
    }

    static void closeProgrammatic(Scope scope) {
        RollbackStateException leftOpen = unwindInnerScopes(scope);
        if (Deferrals.deferred(scope, !scope.isCommitted(), null)) {
            pop(scope);
        } else if (scope.isCommitted()) {
            succeed(scope);
        } else {
            RuntimeException failure = failureOf(scope, rollBack(scope, null));
            if (failure != null) {
                if (leftOpen != null) {
                    failure.addSuppressed(leftOpen);
                }
                throw failure;
            }
        }
        if (leftOpen != null) {
            throw leftOpen;
        }
    }

    /**
     * @return what a rollback with no throwable to attach to must throw: a
     *         {@link RollbackIncompleteException} when it was incomplete, a
     *         {@link RollbackStateException} when only listeners failed, each carrying the listeners'
     *         failures; {@code null} when all went well
     */
    static RuntimeException failureOf(Scope scope, RollbackRun.Result result) {
        RuntimeException failure = null;
        if (!result.complete()) {
            failure = new RollbackIncompleteException(result.report());
        } else if (!result.listenerFailures().isEmpty()) {
            failure = new RollbackStateException("rollback of " + scope + " succeeded, but "
                    + result.listenerFailures().size() + " listener call(s) failed; see the suppressed exceptions");
        }
        if (failure != null) {
            result.listenerFailures().forEach(failure::addSuppressed);
        }
        return failure;
    }

    /** Closes the scopes opened inside {@code scope} that are still open, innermost first. */
    private static RollbackStateException unwindInnerScopes(Scope scope) {
        if (scope.openChild == null && !scope.isClosed()) {
            return null; // the common case, known without reading the thread-local
        }
        return unwindTo(scope);
    }

    private static RollbackStateException unwindTo(Scope scope) {
        RollbackStateException leftOpen = null;
        for (Scope inner = CURRENT.get(); inner != scope; inner = CURRENT.get()) {
            if (inner == null) {
                throw new IllegalStateException(scope + " is not open on thread '" + Thread.currentThread().getName() + "'");
            }
            String fate;
            RollbackRun.Result result = null;
            if (inner.isCommitted()) {
                succeed(inner);
                fate = "its commit was honoured";
            } else {
                result = rollBack(inner, null);
                fate = "it was rolled back";
            }
            RollbackStateException problem = new RollbackStateException(inner + " was still open when " + scope
                    + " closed, so " + fate + "; accepted: close every scope (try-with-resources) before the one around it");
            if (result != null) {
                if (!result.complete()) {
                    problem.addSuppressed(new RollbackIncompleteException(result.report()));
                }
                result.listenerFailures().forEach(problem::addSuppressed);
            }
            if (leftOpen == null) {
                leftOpen = problem;
            } else {
                leftOpen.addSuppressed(problem);
            }
        }
        return leftOpen;
    }

    static void succeed(Scope scope) {
        pop(scope);
        settleCommitted(scope);
    }

    /**
     * Closes a scope that succeeded: its records go to the enclosing scope (NESTED), or are
     * forgotten; then the listeners hear that it ended.
     *
     * @throws RuntimeException when its records reached a scope that had rolled back meanwhile and
     *                          undoing them failed, or when a listener failed in {@code onScopeEnd}
     */
    static void settleCommitted(Scope scope) {
        scope.settle(false);
        if (scope.journal != null) {
            journalCommitted(scope);
        }
        RuntimeException failure = null;
        try {
            if (!scope.keepsRecordsForParent()) {
                scope.clear();
            } else if (scope.size() > 0 && !scope.parent.adopt(scope)) {
                LateRecords.deliver(scope.parent, scope);
            }
        } catch (RuntimeException lateRollbackFailed) {
            failure = lateRollbackFailed; // thrown below, once the listeners know the scope ended
        }
        failure = Listeners.committedScopeEnded(scope, failure);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * A durable scope that succeeded: its steps go to its durable parent with its records, or it is
     * journaled as committed (outermost, {@code REQUIRES_NEW}, or nested in a scope that is not durable).
     */
    private static void journalCommitted(Scope scope) {
        if (scope.keepsRecordsForParent() && scope.parent.journal != null) {
            scope.journal.handedOver();
        } else {
            scope.journal.committed();
        }
    }

    /** Pops the scope and runs its compensations outside any scope, then restores the enclosing one. */
    private static RollbackRun.Result rollBack(Scope scope, Throwable cause) {
        pop(scope);
        if (scope.parent != null) {
            CURRENT.remove();
        }
        try {
            return settleRolledBack(scope, cause);
        } finally {
            if (scope.parent != null) {
                CURRENT.set(scope.parent);
            }
        }
    }

    /**
     * Rolls back a scope that no thread is inside any more: waits, bounded, for its wrapped tasks
     * still running, then closes it for records and runs what it holds.
     */
    static RollbackRun.Result settleRolledBack(Scope scope, Throwable cause) {
        return settleRolledBack(scope, cause, false);
    }

    /**
     * Like {@link #settleRolledBack(Scope, Throwable)}.
     *
     * @param reportWanted whether the report is built even when nobody watches and all went well
     */
    static RollbackRun.Result settleRolledBack(Scope scope, Throwable cause, boolean reportWanted) {
        boolean interrupted = scope.isShared() && scope.awaitTasks(TaskWait.get(), TaskFrame.countInside(runningTasks(), scope));
        scope.settle(true);
        if (interrupted) {
            Thread.currentThread().interrupt(); // the rollback clears it while compensations run, and restores it
        }
        RollbackRun.Result result = new RollbackRun(scope.operationId(), scope.name(), scope, scope.policy().parallel(),
                cause).execute(reportWanted);
        if (scope.journal != null) {
            scope.journal.rolledBack(); // after every compensation ran, each success journaled before the next
        }
        Listeners.scopeEnded(scope, true, result.listenerFailures());
        return result;
    }

    /**
     * Takes the scope off this thread without closing it, for a scope that lives on until a future
     * completes: the enclosing scope becomes current again, and the scope is shared, since it will
     * be settled on whichever thread completes the future.
     *
     * @throws RollbackStateException when programmatic scopes opened inside it are still open; the
     *                                scope is then closed at once, as a success
     */
    static void detach(Scope scope) {
        RollbackStateException leftOpen = unwindInnerScopes(scope);
        if (leftOpen != null) {
            succeed(scope); // as a method that returned but left scopes open: closed at once, as a success
            throw leftOpen;
        }
        scope.share();
        pop(scope);
    }

    /** @return the wrapped tasks this thread is running, innermost first, leaving no entry behind */
    private static TaskFrame runningTasks() {
        TaskFrame frame = TASKS.get();
        if (frame == null) {
            TASKS.remove();
        }
        return frame;
    }

    /**
     * Makes {@code scope} current on this thread for a wrapped task.
     *
     * @return what was current before, for {@link #leaveTask}
     */
    static Scope enterTask(Scope scope) {
        Scope previous = CURRENT.get();
        scope.taskStarted();
        TASKS.set(new TaskFrame(scope, runningTasks()));
        CURRENT.set(scope);
        return previous;
    }

    /** @return whether the innermost wrapped task this thread runs is one of {@code scope}'s */
    static boolean isInnermostTask(Scope scope) {
        TaskFrame frame = runningTasks();
        return frame != null && frame.scope == scope;
    }

    /**
     * Leaves a wrapped task: scopes it left open are closed (rolled back unless committed), and the
     * thread's state is back as it was before the task.
     *
     * @return what the task left open, or {@code null}
     */
    static RollbackStateException leaveTask(Scope scope, Scope previous) {
        try {
            return CURRENT.get() == scope ? null : unwindTo(scope);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
            TaskFrame frame = TASKS.get();
            if (frame.outer == null) {
                TASKS.remove();
            } else {
                TASKS.set(frame.outer);
            }
            scope.taskEnded();
        }
    }

    private static void pop(Scope scope) {
        scope.markClosed();
        if (scope.parent == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(scope.parent);
            if (scope.parent.owner == scope.owner) {
                scope.parent.openChild = null;
            }
        }
    }

    /**
     * One wrapped task this thread is running. A scope that rolls back on a thread inside one of its
     * own tasks (a future completed by the task settles the scope there) must not wait for that task.
     */
    private record TaskFrame(Scope scope, TaskFrame outer) {

        /** @return how many of these tasks belong to {@code scope} or to scopes inside it */
        static int countInside(TaskFrame innermost, Scope scope) {
            int count = 0;
            for (TaskFrame frame = innermost; frame != null; frame = frame.outer) {
                for (Scope s = frame.scope; s != null; s = s.parent) {
                    if (s == scope) {
                        count++;
                        break;
                    }
                }
            }
            return count;
        }
    }
}
