package dev.rollback.durable.internal;

/**
 * A claim as the stores hand it out: the scope's chain, continued by its new holder, and what lets
 * the claim go.
 */
public final class HeldClaim implements Claim {

    private final ScopeState scope;
    private final ScopeWriter chain;
    private final Runnable letGo;
    private boolean closed;

    /**
     * @param scope the scope as read once claimed
     * @param chain its chain, continued with the claim
     * @param letGo run once, when the claim is closed
     */
    public HeldClaim(ScopeState scope, ScopeWriter chain, Runnable letGo) {
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
