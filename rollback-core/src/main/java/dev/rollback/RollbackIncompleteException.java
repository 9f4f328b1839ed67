package dev.rollback;

import java.util.Locale;
import java.util.Objects;

/**
 * A scope rolled back, but not every compensation succeeded. Carries the scope's
 * {@link RollbackReport}; each failed or timed-out compensation's own error is attached as a
 * suppressed exception.
 *
 * <p>When a rollback was caused by a throwable leaving a scope, this exception is added to that
 * throwable as a suppressed exception (one per incomplete scope) and the original is rethrown.
 * It is thrown itself only by {@link RollbackScope#close()}, where no throwable was leaving.
 */
public final class RollbackIncompleteException extends RollbackException {

    private static final long serialVersionUID = 1L;

    private final transient RollbackReport report;

    /**
     * Creates the exception for an incomplete rollback.
     *
     * @param report the incomplete rollback's report
     */
    public RollbackIncompleteException(RollbackReport report) {
        super(message(Objects.requireNonNull(report, "report")));
        this.report = report;
        for (CompensationResult action : report.actions()) {
            action.error().ifPresent(this::addSuppressed);
        }
    }

    /** {@return the report of the rollback that was incomplete} */
    public RollbackReport report() {
        return report;
    }

    private static String message(RollbackReport report) {
        long failed = report.actions().stream().filter(a -> a.outcome() != Outcome.SUCCEEDED).count();
        StringBuilder text = new StringBuilder()
                .append("rollback of '").append(report.name()).append("' [").append(report.operationId())
                .append("] incomplete: ").append(String.format(Locale.ROOT, "%.1f", report.completeness()))
                .append("%, ").append(failed).append(" of ").append(report.actions().size())
                .append(" compensations did not succeed:");
        for (CompensationResult action : report.actions()) {
            if (action.outcome() != Outcome.SUCCEEDED) {
                text.append(' ').append(action.description()).append(" (").append(action.outcome()).append(");");
            }
        }
        text.setLength(text.length() - 1);
        return text.toString();
    }
}
