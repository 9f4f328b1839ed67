package dev.rollback;

import org.jspecify.annotations.Nullable;

/**
 * The base of Rollback's own exceptions. Unchecked.
 */
public class RollbackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, and what would have been accepted
     */
    public RollbackException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, and what would have been accepted
     * @param cause   the underlying failure
     */
    public RollbackException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
