package dev.rollback.audit;

import java.util.List;
import java.util.Objects;

/**
 * A rollback whose start is in the journal but whose end is not: the process stopped (was killed,
 * crashed, lost power) while it ran, or the journal could no longer be written.
 *
 * @param operationId the operation id
 * @param name        the operation name
 * @param startLine   the line of its start entry
 * @param planned     every compensation it was to run, in running order
 * @param ended       those with an entry: they ran to an end, whatever their outcome
 * @param notYetRun   those without one, in running order: they did not run, or did not end;
 *                    running them (again) is up to the operator
 */
public record UnfinishedRollback(String operationId, String name, long startLine, List<String> planned,
                                 List<String> ended, List<String> notYetRun) {

    /**
     * Creates it, checking its names and copying its lists.
     *
     * @param operationId the operation id
     * @param name the operation name
     * @param startLine the line of its start entry
     * @param planned every compensation it was to run
     * @param ended those with an entry
     * @param notYetRun those without one
     * @throws NullPointerException when an argument is {@code null}
     */
    public UnfinishedRollback {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(name, "name");
        planned = List.copyOf(planned);
        ended = List.copyOf(ended);
        notYetRun = List.copyOf(notYetRun);
    }
}
