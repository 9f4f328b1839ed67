package dev.rollback.durable.internal.hooks;

import dev.rollback.durable.internal.ScopeState;

/**
 * Why recovery rolls a scope back, as the listeners' {@code onRollbackStart} sees it: the process
 * that opened it (or the recoverer that last claimed it) ended before the scope closed.
 */
final class OwnerGone extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OwnerGone(ScopeState scope) {
        super("durable scope '" + scope.operation() + "' [" + scope.id() + "] was left open by " + scope.holder()
                + ", which ended before the scope closed; recovered by process " + ProcessHandle.current().pid(),
                null, false, false);
    }
}
