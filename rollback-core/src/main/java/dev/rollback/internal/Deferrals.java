package dev.rollback.internal;

import dev.rollback.RecordedCompensation;
import dev.rollback.RollbackReport;
import dev.rollback.RollbackStateException;
import dev.rollback.spi.Settlement;
import dev.rollback.spi.SettlementPolicy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The installed {@link SettlementPolicy}, asked as an outermost synchronous scope closes. Without
 * one, closing costs one read of a static field more than before.
 */
public final class Deferrals {

    private static volatile SettlementPolicy policy;

    private Deferrals() {
    }

    /** @param installed the policy */
    public static synchronized void install(SettlementPolicy installed) {
        policy = installed;
    }

    /**
     * @param installed the policy installed before
     * @return whether it was the one installed
     */
    public static synchronized boolean uninstall(SettlementPolicy installed) {
        if (policy != installed) {
            return false;
        }
        policy = null;
        return true;
    }

    /**
     * Asks the policy, if any, whether it takes an outermost scope that is closing.
     *
     * @param scope     the scope, still current on this thread
     * @param rollsBack whether it calls for a rollback
     * @param cause     what calls for it, or {@code null}
     * @return whether the policy took it: the caller then only takes it off the thread
     */
    static boolean deferred(Scope scope, boolean rollsBack, Throwable cause) {
        if (scope.parent != null) {
            return false; // a nested scope is never deferred: decided without reading the volatile field
        }
        SettlementPolicy current = policy;
        if (current == null) {
            return false;
        }
        scope.share(); // it may be settled on another thread
        return current.defer(new Deferred(scope, rollsBack, cause));
    }

    private static final class Deferred implements Settlement {
        private final Scope scope;
        private final boolean rollsBack;
        private final Throwable cause;
        private final AtomicBoolean settled = new AtomicBoolean();

        Deferred(Scope scope, boolean rollsBack, Throwable cause) {
            this.scope = scope;
            this.rollsBack = rollsBack;
            this.cause = cause;
        }

        @Override
        public String operationId() {
            return scope.operationId();
        }

        @Override
        public String name() {
            return scope.name();
        }

        @Override
        public boolean rollsBack() {
            return rollsBack;
        }

        @Override
        public Optional<Throwable> cause() {
            return Optional.ofNullable(cause);
        }

        @Override
        public List<RecordedCompensation> pending() {
            return scope.pending();
        }

        @Override
        public RollbackReport rollBack() {
            settleOnce();
            RollbackRun.Result result = Scopes.settleRolledBack(scope, cause, true);
            if (!result.listenerFailures().isEmpty()) {
                if (cause != null) {
                    result.listenerFailures().forEach(cause::addSuppressed);
                } else {
                    RollbackStateException failure = new RollbackStateException("rollback of deferred " + scope
                            + " ran, but " + result.listenerFailures().size() + " listener call(s) failed; see the"
                            + " suppressed exceptions");
                    result.listenerFailures().forEach(failure::addSuppressed);
                    throw failure;
                }
            }
            return result.report();
        }

        @Override
        public void forget() {
            settleOnce();
            Scopes.settleCommitted(scope);
        }

        private void settleOnce() {
            if (!settled.compareAndSet(false, true)) {
                throw new RollbackStateException(scope + " was deferred and has been settled already; accepted: one"
                        + " call of rollBack() or forget() per deferred scope");
            }
        }

        @Override
        public String toString() {
            return "deferred " + scope + (rollsBack ? ", to roll back" : ", succeeded");
        }
    }
}
