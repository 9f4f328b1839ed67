package dev.rollback.durable;

import dev.rollback.RollbackException;

/**
 * The journal cannot do what was asked: it cannot be opened (a file readable by others, a
 * directory that is not the owner's, a database without the grants), an entry cannot be written
 * or forced (disk full, device error, a closed journal), or it cannot be read. The message names
 * the file or table and what would be accepted.
 */
public final class JournalException extends RollbackException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, where, and what would be accepted
     */
    public JournalException(String message) {
        super(message);
    }

    /**
     * Creates the exception, with what caused it.
     *
     * @param message what is wrong, where, and what would be accepted
     * @param cause   the underlying failure
     */
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
