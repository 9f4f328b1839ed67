package dev.rollback.internal;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.RollbackReport;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * One scope's rollback: runs every compensation in order (each with its retries and time limit),
 * whatever the others do, tells the listeners, and builds the report.
 *
 * <p>The thread's interrupt status is cleared while compensations run, so that a pending
 * interrupt cannot make them fail at their first blocking call, and is restored afterwards,
 * together with any interrupt that arrived meanwhile.
 */
final class RollbackRun {

    /** The MDC key that holds the operation id while compensations run. */
    static final String MDC_KEY = "rollback.operationId";

    private final Scope scope;
    private final Throwable cause;
    private final List<Throwable> listenerFailures = new ArrayList<>(0);
    private boolean interruptPending;

    RollbackRun(Scope scope, Throwable cause) {
        this.scope = scope;
        this.cause = cause;
    }

    record Result(RollbackReport report, List<Throwable> listenerFailures) {
    }

    Result execute() {
        Record[] records = scope.drainInRollbackOrder();
        String operationId = scope.operationId();
        Listeners listeners = Listeners.current();
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        interruptPending = Thread.interrupted();
        String previousId = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, operationId);
        try {
            String[] descriptions = new String[records.length];
            for (int i = 0; i < records.length; i++) {
                descriptions[i] = records[i].description();
            }
            listeners.rollbackStarted(operationId, scope.name(), List.of(descriptions), Optional.ofNullable(cause),
                    listenerFailures);
            List<CompensationResult> results = new ArrayList<>(records.length);
            for (int i = 0; i < records.length; i++) {
                CompensationResult result = compensate(records[i], descriptions[i], operationId);
                results.add(result);
                listeners.compensated(operationId, result, listenerFailures);
            }
            RollbackReport report = new RollbackReport(operationId, scope.name(), start,
                    Duration.ofNanos(System.nanoTime() - startNanos), results);
            listeners.rolledBack(report, listenerFailures);
            return new Result(report, listenerFailures);
        } finally {
            if (previousId == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previousId);
            }
            if (interruptPending | Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private CompensationResult compensate(Record record, String description, String operationId) {
        long start = System.nanoTime();
        Throwable failure = null;
        int attempts = 0;
        for (int retry = 0; retry <= record.retries(); retry++) {
            if (retry > 0) {
                interruptPending |= RetryBackoff.pause(retry);
            }
            attempts++;
            if (record.timeoutMillis() > 0) {
                TimedAttempt attempt = TimedAttempt.start(record, operationId);
                interruptPending |= attempt.await(record.timeoutMillis());
                if (!attempt.isDone()) {
                    TimeoutException timeout = attempt.abandon(record.timeoutMillis());
                    return result(record, description, Outcome.TIMED_OUT, attempts, start, timeout);
                }
                failure = attempt.failure();
            } else {
                failure = runInline(record);
            }
            if (failure == null) {
                return result(record, description, Outcome.SUCCEEDED, attempts, start, null);
            }
            if (failure instanceof VirtualMachineError) {
                break; // the JVM is in trouble: report it now rather than try the same thing again
            }
        }
        return result(record, description, Outcome.FAILED, attempts, start, failure);
    }

    private Throwable runInline(Record record) {
        try {
            record.run();
            return null;
        } catch (Throwable failure) {
            return failure; // recorded in the report and attached to the incomplete-rollback exception
        } finally {
            interruptPending |= Thread.interrupted();
        }
    }

    private static CompensationResult result(Record record, String description, Outcome outcome, int attempts, long start,
                                             Throwable error) {
        return new CompensationResult(description, record.priority(), outcome, attempts,
                Duration.ofNanos(System.nanoTime() - start), error);
    }
}
