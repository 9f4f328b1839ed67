package dev.rollback.audit;

import java.util.Objects;

/**
 * The first thing wrong with a journal.
 *
 * @param line   the 1-based line of the first bad entry (for a journal cut off at its end, the
 *               first missing line)
 * @param reason what is wrong with it, and what that suggests happened
 */
public record JournalProblem(long line, String reason) {

    /**
     * Creates a problem, checking its reason.
     *
     * @param line the 1-based line of the first bad entry
     * @param reason what is wrong with it
     * @throws NullPointerException when {@code reason} is {@code null}
     */
    public JournalProblem {
        Objects.requireNonNull(reason, "reason");
    }

    /** {@return {@code line N: reason}} */
    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
