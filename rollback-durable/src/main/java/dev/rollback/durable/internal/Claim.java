package dev.rollback.durable.internal;

/**
 * A dead holder's scope, taken by this process to recover it: no other recoverer, in this process
 * or another, holds it at the same time. Close it to let go (recovered or not): if the scope is
 * still open then, another recoverer may claim it later.
 */
public interface Claim extends ScopeWriter, AutoCloseable {

    /** @return the scope as read after it was claimed: what is left to do */
    ScopeState scope();

    /** Lets go of the claim. */
    @Override
    void close();
}
