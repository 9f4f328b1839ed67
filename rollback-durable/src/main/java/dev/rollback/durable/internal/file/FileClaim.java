package dev.rollback.durable.internal.file;

import dev.rollback.durable.internal.Claim;
import dev.rollback.durable.internal.ScopeOutcome;
import dev.rollback.durable.internal.ScopeState;
import dev.rollback.durable.internal.ScopeWriter;
import dev.rollback.durable.internal.StepKey;

/** A claim on a scope of the file journal: its slot in {@code claims.lock}, held until closed. */
final class FileClaim implements Claim {

    private final ScopeState scope;
    private final ScopeWriter chain;
    private final Runnable letGo;
    private boolean closed;

    FileClaim(ScopeState scope, ScopeWriter chain, Runnable letGo) {
        this.scope = scope;
        this.chain = chain;
        this.letGo = letGo;
    }

    @Override
    public ScopeState scope() {
        return scope;
    }

    @Override
    public String scopeId() {
        return scope.id();
    }

    @Override
    public void compensated(StepKey step) {
        requireHeld();
        chain.compensated(step);
    }

    @Override
    public void closed(ScopeOutcome outcome) {
        requireHeld();
        chain.closed(outcome);
    }

    private synchronized void requireHeld() {
        if (closed) {
            throw new IllegalStateException("the claim on scope " + scope.id() + " was let go; accepted: entries"
                    + " journaled while the claim is held");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            letGo.run();
        }
    }
}
