package dev.rollback;

import org.jspecify.annotations.Nullable;

/**
 * A {@code @Compensate} method (or a rules-file entry standing for one) cannot be compensated as
 * configured: no compensating method fits, two fit equally, both or neither of {@code value} and
 * {@code handler} are given, the handler cannot be created, or a limit is negative.
 *
 * <p>The message names the class, the method, the annotation and the signatures that would have
 * been accepted. It is raised on every call of the method, before its body runs, whether or not
 * a scope is open; never at rollback time.
 */
public final class CompensationConfigurationException extends RollbackException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what would have been accepted
     */
    public CompensationConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong and what would have been accepted
     * @param cause   the underlying failure (a handler constructor that threw, say)
     */
    public CompensationConfigurationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
