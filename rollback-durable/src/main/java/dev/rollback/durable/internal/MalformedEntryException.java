package dev.rollback.durable.internal;

/** Stored bytes that are no valid entry; the message says why. */
public final class MalformedEntryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong @param cause the parser's failure, or {@code null} */
    public MalformedEntryException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
