package dev.rollback.internal;

import dev.rollback.Outcome;

import java.util.concurrent.TimeoutException;

/**
 * Runs one compensation at a time with its retries and time limit, on the thread that calls it.
 * Not thread-safe: a rollback has one for its own thread, and each worker of a parallel rollback
 * one of its own.
 */
final class Compensator {

    private final String operationId;
    /** The last compensation's attempts and failure, set by {@link #compensate}. */
    int attempts;
    Throwable failure;
    /** Whether an interrupt arrived (or was pending) while compensations ran; restored by the caller. */
    boolean interruptPending;

    private final CompensationKeys keys;
    /** Whether {@link #keys} is this thread's for the whole run ({@link #enterKeys}), so that each compensation only resets it. */
    private boolean keysEntered;
    private CompensationKeys keysBefore;

    Compensator(String operationId) {
        this.operationId = operationId;
        this.keys = CompensationKeys.of(operationId);
    }

    /** What one compensation did, handed from a worker thread to the rolling-back thread. */
    record Attempted(Outcome outcome, int attempts, long nanos, Throwable failure) {
    }

    /** Like {@link #compensate}, timed, as a value. */
    Attempted attempt(Record record) {
        long start = System.nanoTime();
        Outcome outcome = compensate(record);
        return new Attempted(outcome, attempts, System.nanoTime() - start, failure);
    }

    /**
     * Runs one compensation with its retries and time limit.
     *
     * @return its outcome; {@link #attempts} and {@link #failure} hold the rest
     */
    Outcome compensate(Record record) {
        CompensationKeys key = keys.reset(record);
        if (keysEntered) {
            try {
                return journaled(record, attemptAll(record, key));
            } finally {
                keys.reset(null); // between compensations (listener calls) no key is readable
            }
        }
        CompensationKeys previous = key.enter(); // a parallel rollback's worker: per compensation
        try {
            return journaled(record, attemptAll(record, key));
        } finally {
            CompensationKeys.leave(previous);
        }
    }

    /** Makes this compensator's keys the thread's for a whole rollback: one thread-local write per run, not per compensation. */
    void enterKeys() {
        keysBefore = keys.enter();
        keysEntered = true;
    }

    void leaveKeys() {
        keysEntered = false;
        CompensationKeys.leave(keysBefore);
        keysBefore = null;
    }

    private Outcome journaled(Record record, Outcome outcome) {
        return outcome == Outcome.SUCCEEDED && record.step() != null ? journalSuccess(record) : outcome;
    }

    /**
     * Journals a durable record's success before the next compensation starts (D2); a success that
     * cannot be journaled is reported as a failure, since recovery would run it again.
     */
    private Outcome journalSuccess(Record record) {
        try {
            record.step().compensated();
            return Outcome.SUCCEEDED;
        } catch (RuntimeException e) {
            failure = new IllegalStateException("compensation '" + record.description() + "' succeeded, but its"
                    + " success could not be journaled, so recovery may run it again: " + e.getMessage(), e);
            return Outcome.FAILED;
        }
    }

    private Outcome attemptAll(Record record, CompensationKeys key) {
        failure = null;
        attempts = 0;
        for (int retry = 0; retry <= record.retries(); retry++) {
            if (retry > 0) {
                interruptPending |= RetryBackoff.pause(retry);
            }
            attempts++;
            if (record.timeoutMillis() > 0) {
                TimedAttempt attempt = TimedAttempt.start(record, operationId, key.fixed());
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
}
