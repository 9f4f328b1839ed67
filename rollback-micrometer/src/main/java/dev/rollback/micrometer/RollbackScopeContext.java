package dev.rollback.micrometer;

import io.micrometer.observation.Observation;

/**
 * What a {@code rollback.scope} observation knows: the scope, the way it was opened, and once it has
 * ended, how. The error, for a scope that rolled back because of a throwable, is the observation's
 * error.
 */
public final class RollbackScopeContext extends Observation.Context {

    private final String operationId;
    private final String operationName;
    private final String weaving;
    private boolean ended;
    private boolean rolledBack;
    private boolean complete = true;

    RollbackScopeContext(String operationId, String operationName, String weaving) {
        this.operationId = operationId;
        this.operationName = operationName;
        this.weaving = weaving;
    }

    /** {@return the scope's operation id (unique per scope)} */
    public String operationId() {
        return operationId;
    }

    /** {@return the scope's operation name} */
    public String operationName() {
        return operationName;
    }

    /** {@return {@code aspectj}, {@code agent}, {@code programmatic} or {@code unknown}} */
    public String weaving() {
        return weaving;
    }

    /** {@return whether the scope has ended (committed or rolled back)} */
    public boolean ended() {
        return ended;
    }

    /** {@return whether it rolled back; meaningful once {@link #ended()}} */
    public boolean rolledBack() {
        return rolledBack;
    }

    /** {@return whether every compensation of its rollback succeeded ({@code true} when it committed)} */
    public boolean complete() {
        return complete;
    }

    void compensationFailed() {
        complete = false;
    }

    void end(boolean scopeRolledBack) {
        ended = true;
        rolledBack = scopeRolledBack;
    }
}
