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
        if (parent != null) {
            parent.openChild = scope;
        }
        return scope;
    }

    static Scope openProgrammatic(String name, Propagation propagation) {
        return open(ScopePolicy.programmatic(name, propagation), name, true);
    }

    static void register(String description, int priority, long timeoutMillis, int retries, Compensation compensation) {
        Scope scope = peek();
        if (scope == null) {
            throw new RollbackStateException("Rollback.register(\"" + description + "\", ...) with no scope open on thread '"
                    + Thread.currentThread().getName() + "'; accepted: inside a @WithRollback method, Rollback.run,"
                    + " Rollback.call or a Rollback.begin block (compensations themselves run outside any scope)");
        }
        LambdaRecord record = new LambdaRecord(description, priority, timeoutMillis, retries, compensation);
        scope.add(record);
        Listeners.recorded(scope, record);
    }

    static void record(Scope scope, Record record) {
        scope.add(record);
        Listeners.recorded(scope, record);
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
        if (scope == null) {
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
        if (thrown != null && scope.policy().rollsBackOn(thrown)) {
            RollbackRun.Result result = rollBack(scope, thrown);
            if (!result.complete()) {
                thrown.addSuppressed(new RollbackIncompleteException(result.report()));
            }
            for (Throwable listenerFailure : result.listenerFailures()) {
                thrown.addSuppressed(listenerFailure);
            }
        } else {
            succeed(scope);
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
        if (scope.isCommitted()) {
            succeed(scope);
        } else {
            RollbackRun.Result result = rollBack(scope, null);
            RuntimeException failure = null;
            if (!result.complete()) {
                failure = new RollbackIncompleteException(result.report());
            } else if (!result.listenerFailures().isEmpty()) {
                failure = new RollbackStateException("rollback of " + scope + " succeeded, but "
                        + result.listenerFailures().size() + " listener call(s) failed; see the suppressed exceptions");
            }
            if (failure != null) {
                result.listenerFailures().forEach(failure::addSuppressed);
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

    /** Closes the scopes opened inside {@code scope} that are still open, innermost first. */
    private static RollbackStateException unwindInnerScopes(Scope scope) {
        if (scope.openChild == null && !scope.isClosed()) {
            return null; // the common case, known without reading the thread-local
        }
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

    private static void succeed(Scope scope) {
        pop(scope);
        if (scope.keepsRecordsForParent()) {
            scope.parent.adopt(scope);
        } else {
            scope.forget();
        }
    }

    /** Pops the scope and runs its compensations outside any scope, then restores the enclosing one. */
    private static RollbackRun.Result rollBack(Scope scope, Throwable cause) {
        pop(scope);
        if (scope.parent != null) {
            CURRENT.remove();
        }
        try {
            return new RollbackRun(scope, cause).execute();
        } finally {
            if (scope.parent != null) {
                CURRENT.set(scope.parent);
            }
        }
    }

    private static void pop(Scope scope) {
        scope.markClosed();
        if (scope.parent == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(scope.parent);
            scope.parent.openChild = null;
        }
    }
}
