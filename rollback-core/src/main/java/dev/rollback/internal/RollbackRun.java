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

    private final String operationId;
    private final String name;
    private final Record[] records;
    private final int count;
    private final boolean parallel;
    private final Throwable cause;
    private final List<Throwable> listenerFailures = new ArrayList<>(0);
    /** Runs the compensations of this thread; the parallel path gives each worker one of its own. */
    private final Compensator compensator;

    /**
     * @param operationId the scope's operation id
     * @param name        the scope's operation name
     * @param taken       what the scope holds; emptied, so that nothing can run it twice
     * @param parallel    whether compensations of equal priority run concurrently
     * @param cause       what rolls the scope back, or {@code null} (closed without commit)
     */
    RollbackRun(String operationId, String name, Records taken, boolean parallel, Throwable cause) {
        this.operationId = operationId;
        this.name = name;
        this.count = taken.size();
        this.records = taken.inRollbackOrder();
        taken.clear(); // so that nothing can run them twice
        this.parallel = parallel;
        this.cause = cause;
        this.compensator = new Compensator(operationId);
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
        return execute(false);
    }

    /**
     * @param reportWanted whether to build the report even when nobody watches and all went well
     * @return what the rollback did
     */
    Result execute(boolean reportWanted) {
        Listeners listeners = Listeners.current();
        long startNanos = System.nanoTime();
        compensator.interruptPending = Thread.interrupted();
        String previousId = Mdc.enter(operationId);
        compensator.enterKeys();
        try {
            if (listeners.wantsStart()) {
                listeners.rollbackStarted(operationId, name, new Descriptions(records, count),
                        Optional.ofNullable(cause), listenerFailures);
            }
            Outcomes outcomes = new Outcomes(count, listeners);
            if (parallel) {
                ParallelCompensations.run(records, count, compensator, outcomes, operationId);
            } else {
                runInOrder(outcomes, startNanos);
            }
            boolean complete = outcomes.failed == 0;
            RollbackReport report = null;
            if (!complete || reportWanted || listeners.wantsReport(true)) {
                report = report(outcomes, startNanos);
                if (listeners.wantsReport(complete)) {
                    listeners.rolledBack(report, listenerFailures);
                }
            }
            return new Result(complete, report, listenerFailures);
        } finally {
            compensator.leaveKeys();
            Mdc.leave(previousId);
            if (compensator.interruptPending | Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void runInOrder(Outcomes outcomes, long startNanos) {
        long previousEnd = startNanos;
        for (int i = 0; i < count; i++) {
            Outcome outcome = compensator.compensate(records[i]);
            long end = System.nanoTime();
            outcomes.ended(i, records[i], outcome, compensator.attempts, end - previousEnd, compensator.failure,
                    listenerFailures);
            previousEnd = end;
        }
    }

    /**
     * What each compensation did. A compensation that failed, or needed retries, is rare and slow:
     * its result is built at once; one that succeeded at once only when a listener takes it.
     */
    final class Outcomes {
        final long[] nanos;
        CompensationResult[] results;
        int failed;
        private final Listeners listeners;
        // asked once: a level changed in the middle of a rollback applies from the next one
        private final boolean successesWatched;
        private final boolean failuresWatched;

        Outcomes(int count, Listeners listeners) {
            this.nanos = new long[count];
            this.listeners = listeners;
            this.successesWatched = listeners.wantsCompensation(true);
            this.failuresWatched = listeners.wantsCompensation(false);
        }

        /** Called on the rolling-back thread, in running order. */
        void ended(int i, Record record, Outcome outcome, int attempts, long elapsed, Throwable failure,
                   List<Throwable> listenerFailures) {
            nanos[i] = elapsed;
            boolean succeeded = outcome == Outcome.SUCCEEDED;
            if (!succeeded) {
                failed++;
            }
            if (!succeeded || attempts > 1 || successesWatched) {
                if (results == null) {
                    results = new CompensationResult[nanos.length];
                }
                results[i] = result(record, outcome, attempts, elapsed, failure);
                if (succeeded ? successesWatched : failuresWatched) {
                    listeners.compensated(operationId, results[i], listenerFailures);
                }
            }
        }

        void ended(int i, Record record, Compensator.Attempted attempted) {
            ended(i, record, attempted.outcome(), attempted.attempts(), attempted.nanos(), attempted.failure(),
                    listenerFailures);
        }
    }

    /** Builds the report, and the results of the compensations that succeeded at once, unobserved. */
    private RollbackReport report(Outcomes outcomes, long startNanos) {
        CompensationResult[] results = outcomes.results != null ? outcomes.results : new CompensationResult[count];
        for (int i = 0; i < count; i++) {
            if (results[i] == null) {
                results[i] = result(records[i], Outcome.SUCCEEDED, 1, outcomes.nanos[i], null);
            }
        }
        long elapsed = System.nanoTime() - startNanos;
        Instant start = Instant.now().minusNanos(elapsed);
        return new RollbackReport(operationId, name, start, Duration.ofNanos(elapsed), Arrays.asList(results));
    }

    private static CompensationResult result(Record record, Outcome outcome, int attempts, long nanos, Throwable error) {
        return new CompensationResult(record.description(), record.priority(), outcome, attempts, Duration.ofNanos(nanos),
                error);
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
     * The operation id in SLF4J's MDC while compensations run. Whether SLF4J has an MDC at all is
     * looked up at the first rollback; when SLF4J cannot even say, the rollback goes on without the
     * MDC entry, and the same failure reaches the default listener's callbacks, whose failures are
     * attached to what leaves the scope.
     */
    static final class Mdc {
        private static final boolean ACTIVE = active();

        private Mdc() {
        }

        /** @return the id that was there before, to be handed to {@link #leave} */
        static String enter(String operationId) {
            if (!ACTIVE) {
                return null;
            }
            String previous = MDC.get(MDC_KEY);
            MDC.put(MDC_KEY, operationId);
            return previous;
        }

        static void leave(String previousId) {
            if (!ACTIVE) {
                return;
            }
            if (previousId == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previousId);
            }
        }

        private static boolean active() {
            try {
                return !(MDC.getMDCAdapter() instanceof NOPMDCAdapter);
            } catch (RuntimeException | LinkageError e) {
                return false; // reported through the default listener, as above
            }
        }
    }
}
