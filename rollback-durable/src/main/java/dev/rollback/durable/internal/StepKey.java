package dev.rollback.durable.internal;

import java.util.Objects;

/**
 * Names one step for good: the scope that journaled its intent and its number there, from 1. A
 * step handed over to an enclosing scope keeps its key.
 *
 * @param scope the id of the scope that journaled the intent
 * @param step  its number in that scope, from 1
 */
public record StepKey(String scope, int step) {

    /** @throws IllegalArgumentException when {@code step} is below 1 */
    public StepKey {
        Objects.requireNonNull(scope, "scope");
        if (step < 1) {
            throw new IllegalArgumentException("step " + step + " of scope " + scope + "; accepted: 1 or more");
        }
    }

    /**
     * @return the idempotency key (D6): {@code <scope id>:<step>}, the same live, in every recovery
     *         and in every journal
     */
    public String idempotencyKey() {
        return scope + ":" + step;
    }

    @Override
    public String toString() {
        return idempotencyKey();
    }
}
