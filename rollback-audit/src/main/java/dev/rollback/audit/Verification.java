package dev.rollback.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuditVerifier} found: the entries that verified, the head after the last of them,
 * and the first problem, if any.
 *
 * @param entries the number of entries that verified, counted from the first line up to the first
 *                bad one
 * @param head    the head after the last entry that verified
 * @param problem the first bad entry, or empty when the whole journal verified
 */
public record Verification(long entries, JournalHead head, Optional<JournalProblem> problem) {

    /**
     * Creates it, checking its components.
     *
     * @param entries the number of entries that verified
     * @param head the head after the last entry that verified
     * @param problem the first bad entry, or empty
     * @throws NullPointerException when {@code head} or {@code problem} is {@code null}
     */
    public Verification {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(problem, "problem");
    }

    /** {@return {@code true} when every entry verified} */
    public boolean isValid() {
        return problem.isEmpty();
    }
}
