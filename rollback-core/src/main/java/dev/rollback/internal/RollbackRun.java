package dev.rollback.internal;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.RollbackReport;
import org.slf4j.MDC;
import org.slf4j.helpers.NOPMDCAdapter;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.TimeoutException;

/**
 * One scope's rollback: runs every compensation in order (each with its retries and time limit),
 * whatever the others do, tells the listeners, and builds the report.
 *
 * <p>It builds only what will be looked at. Every compensation is timed (one clock reading as it
 * ends), but its {@link CompensationResult}, its description and the {@link RollbackReport} are
 * built only when a listener takes them (the default logging listener does when its logger's level
 * is enabled) or when the rollback is incomplete, whose report travels with the exception. A
 * default description is then computed from the arguments as they are when it is built.
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
    /** The last compensation's attempts and failure, set by {@link #compensate}. */
    private int attempts;
    private Throwable failure;

    RollbackRun(Scope scope, Throwable cause) {
        this.scope = scope;
        this.cause = cause;
    }

    /**
     * @param complete         whether every compensation succeeded
     * @param report           the report; built whenever the rollback is incomplete, otherwise only
     *                         when a listener took it ({@code null} then)
     * @param listenerFailures what listeners threw, to be attached to what leaves the scope
     */
    record Result(boolean complete, RollbackReport report, List<Throwable> listenerFailures) {
    }

    Result execute() {
        int count = scope.size();
        Record[] records = scope.drainInRollbackOrder();
        Listeners listeners = Listeners.current();
        long startNanos = System.nanoTime();
        interruptPending = Thread.interrupted();
        boolean mdc = Mdc.ACTIVE;
        String previousId = null;
        if (mdc) {
            previousId = MDC.get(MDC_KEY);
            MDC.put(MDC_KEY, scope.operationId());
        }
        try {
            if (listeners.wantsStart()) {
                listeners.rollbackStarted(scope.operationId(), scope.name(), new Descriptions(records, count),
                        Optional.ofNullable(cause), listenerFailures);
            }
            // asked once: a level changed in the middle of a rollback applies from the next one
            boolean successesWatched = listeners.wantsCompensation(true);
            boolean failuresWatched = listeners.wantsCompensation(false);
            long[] ends = new long[count];
            CompensationResult[] results = null;
            int failed = 0;
            long previousEnd = startNanos;
            for (int i = 0; i < count; i++) {
                Record record = records[i];
                Outcome outcome = compensate(record);
                long end = System.nanoTime();
                ends[i] = end;
                boolean succeeded = outcome == Outcome.SUCCEEDED;
                if (!succeeded) {
                    failed++;
                }
                // a compensation that failed, or needed retries, is rare and slow: its result is kept at once
                if (!succeeded || attempts > 1 || successesWatched) {
                    if (results == null) {
                        results = new CompensationResult[count];
                    }
                    results[i] = result(record, outcome, attempts, end - previousEnd, failure);
                    if (succeeded ? successesWatched : failuresWatched) {
                        listeners.compensated(scope.operationId(), results[i], listenerFailures);
                    }
                }
                previousEnd = end;
            }
            boolean complete = failed == 0;
            RollbackReport report = null;
            if (!complete || listeners.wantsReport(true)) {
                report = report(records, count, results, startNanos, ends);
                if (listeners.wantsReport(complete)) {
                    listeners.rolledBack(report, listenerFailures);
                }
            }
            return new Result(complete, report, listenerFailures);
        } finally {
            if (mdc) {
                if (previousId == null) {
                    MDC.remove(MDC_KEY);
                } else {
                    MDC.put(MDC_KEY, previousId);
                }
            }
            if (interruptPending | Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Builds the report, and the results of the compensations that succeeded at once, unobserved. */
    private RollbackReport report(Record[] records, int count, CompensationResult[] built, long startNanos, long[] ends) {
        CompensationResult[] results = built != null ? built : new CompensationResult[count];
        for (int i = 0; i < count; i++) {
            if (results[i] == null) {
                long start = i == 0 ? startNanos : ends[i - 1];
                results[i] = result(records[i], Outcome.SUCCEEDED, 1, ends[i] - start, null);
            }
        }
        long elapsed = System.nanoTime() - startNanos;
        Instant start = Instant.now().minusNanos(elapsed);
        return new RollbackReport(scope.operationId(), scope.name(), start, Duration.ofNanos(elapsed), Arrays.asList(results));
    }

    private static CompensationResult result(Record record, Outcome outcome, int attempts, long nanos, Throwable error) {
        return new CompensationResult(record.description(), record.priority(), outcome, attempts, Duration.ofNanos(nanos),
                error);
    }

    /**
     * Runs one compensation with its retries and time limit.
     *
     * @return its outcome; {@link #attempts} and {@link #failure} hold the rest
     */
    private Outcome compensate(Record record) {
        failure = null;
        attempts = 0;
        for (int retry = 0; retry <= record.retries(); retry++) {
            if (retry > 0) {
                interruptPending |= RetryBackoff.pause(retry);
            }
            attempts++;
            if (record.timeoutMillis() > 0) {
                TimedAttempt attempt = TimedAttempt.start(record, scope.operationId());
                interruptPending |= attempt.await(record.timeoutMillis());
                if (!attempt.isDone()) {
                    TimeoutException timeout = attempt.abandon(record.timeoutMillis());
                    failure = timeout;
                    return Outcome.TIMED_OUT;
                }
                failure = attempt.failure();
            } else {
                failure = runInline(record);
            }
            if (failure == null) {
                return Outcome.SUCCEEDED;
            }
            if (failure instanceof VirtualMachineError) {
                break; // the JVM is in trouble: report it now rather than try the same thing again
            }
        }
        return Outcome.FAILED;
    }

    private Throwable runInline(Record record) {
        try {
            record.run();
            return null;
        } catch (Throwable thrown) {
            return thrown; // recorded in the report and attached to the incomplete-rollback exception
        } finally {
            interruptPending |= Thread.interrupted();
        }
    }

    /** The descriptions handed to {@code onRollbackStart}, each computed when first asked for. */
    private static final class Descriptions extends AbstractList<String> implements RandomAccess {

        private final Record[] records;
        private final int count;

        Descriptions(Record[] records, int count) {
            this.records = records;
            this.count = count;
        }

        @Override
        public String get(int index) {
            Objects.checkIndex(index, count);
            return records[index].description();
        }

        @Override
        public int size() {
            return count;
        }
    }

    /**
     * Whether SLF4J has an MDC to put the operation id in, looked up at the first rollback. When
     * SLF4J cannot even say, the rollback goes on without the MDC entry; the same failure reaches
     * the default listener's callbacks, whose failures are attached to what leaves the scope.
     */
    private static final class Mdc {
        static final boolean ACTIVE = active();

        private static boolean active() {
            try {
                return !(MDC.getMDCAdapter() instanceof NOPMDCAdapter);
            } catch (RuntimeException | LinkageError e) {
                return false; // reported through the default listener, as above
            }
        }
    }
}
