package dev.rollback;

/**
 * Rollback was used in a state that does not allow the call: registering with no scope open,
 * committing a scope that was already closed, closing a scope from another thread, or leaving
 * scopes open inside another.
 */
public final class RollbackStateException extends RollbackException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was called, in which state, and what would have been accepted
     */
    public RollbackStateException(String message) {
        super(message);
    }
}
