package dev.rollback.audit;

import dev.rollback.RollbackException;
import org.jspecify.annotations.Nullable;

/**
 * A journal could not be written, or does not verify where a valid one is needed.
 */
public final class AuditJournalException extends RollbackException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the journal
     * @param cause   the underlying failure, or {@code null}
     */
    public AuditJournalException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
