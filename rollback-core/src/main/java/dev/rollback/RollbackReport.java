package dev.rollback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one scope's rollback did: every compensation's result, in the order they ran. Immutable.
 */
public final class RollbackReport {

    private final String operationId;
    private final String name;
    private final Instant start;
    private final Duration duration;
    private final List<CompensationResult> actions;
    private final long succeeded;

    /**
     * Creates a report.
     *
     * @param operationId the scope's operation id, unique within this JVM and unlikely to repeat
     *                    across JVMs
     * @param name        the scope's operation name
     * @param start       when the rollback began
     * @param duration    how long the rollback took
     * @param actions     the results, in the order the compensations ran
     */
    public RollbackReport(String operationId, String name, Instant start, Duration duration,
                          List<CompensationResult> actions) {
        this.operationId = Objects.requireNonNull(operationId, "operationId");
        this.name = Objects.requireNonNull(name, "name");
        this.start = Objects.requireNonNull(start, "start");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.actions = List.copyOf(actions);
        this.succeeded = this.actions.stream().filter(a -> a.outcome() == Outcome.SUCCEEDED).count();
    }

    /** {@return the operation id of the scope that rolled back} */
    public String operationId() {
        return operationId;
    }

    /** {@return the operation name of the scope that rolled back} */
    public String name() {
        return name;
    }

    /** {@return when the rollback began} */
    public Instant start() {
        return start;
    }

    /** {@return how long the rollback took, all compensations included} */
    public Duration duration() {
        return duration;
    }

    /** {@return every compensation's result, in the order they ran} */
    public List<CompensationResult> actions() {
        return actions;
    }

    /**
     * {@return the share of compensations that succeeded, in percent from {@code 0.0} to
     *         {@code 100.0}; {@code 100.0} when there was nothing to compensate}
     */
    public double completeness() {
        if (actions.isEmpty()) {
            return 100.0;
        }
        return 100.0 * succeeded / actions.size();
    }

    /** {@return {@code true} when every compensation succeeded} */
    public boolean isComplete() {
        return succeeded == actions.size();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder()
                .append("rollback of '").append(name).append("' [").append(operationId).append("] ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", completeness()))
                .append("% complete in ").append(duration.toMillis()).append(" ms");
        for (CompensationResult action : actions) {
            text.append(System.lineSeparator()).append("  ").append(action);
        }
        return text.toString();
    }
}
