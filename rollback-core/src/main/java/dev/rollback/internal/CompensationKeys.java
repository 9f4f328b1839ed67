package dev.rollback.internal;

import dev.rollback.RollbackStateException;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The compensation running on a thread, for {@code Rollback.idempotencyKey()} (D6). A durable
 * step's key is its journal's ({@code <scope id>:<step>}); any other record's key is drawn the
 * first time it is asked for, {@code <operation id>:<n>} with {@code n} unique in the JVM, and
 * stays the same through the record's retries.
 */
public final class CompensationKeys {

    private static final ThreadLocal<CompensationKeys> RUNNING = new ThreadLocal<>();
    private static final AtomicLong SERIALS = new AtomicLong();

    private final String operationId;
    private Record record;
    private String key;

    private CompensationKeys(String operationId, Record record) {
        this.operationId = operationId;
        this.record = record;
    }

    /**
     * @return the key of the compensation running on this thread
     * @throws RollbackStateException when no compensation runs on this thread
     */
    public static String current() {
        CompensationKeys running = RUNNING.get();
        if (running == null || running.record == null && running.key == null) {
            if (running == null) {
                RUNNING.remove();
            }
            throw new RollbackStateException("Rollback.idempotencyKey() on thread '" + Thread.currentThread().getName()
                    + "', where no compensation runs; accepted: inside a compensation, while it runs");
        }
        return running.key();
    }

    /** @return a holder for the keys of one rollback's compensations on one thread, reused for each */
    static CompensationKeys of(String operationId) {
        return new CompensationKeys(operationId, null);
    }

    /**
     * @param next the compensation about to run
     * @return this holder, now for {@code next} (its key drawn afresh when asked)
     */
    CompensationKeys reset(Record next) {
        record = next;
        key = null;
        return this;
    }

    /** @return a holder of this compensation's key that later resets leave alone, for another thread */
    CompensationKeys fixed() {
        CompensationKeys copy = new CompensationKeys(operationId, record);
        copy.key = key();
        return copy;
    }

    String key() {
        if (key == null) {
            key = record.step() != null ? record.step().idempotencyKey()
                    : operationId + ":" + SERIALS.incrementAndGet();
        }
        return key;
    }

    /** @return what was running on this thread before, for {@link #leave} */
    CompensationKeys enter() {
        CompensationKeys previous = RUNNING.get();
        RUNNING.set(this);
        return previous;
    }

    static void leave(CompensationKeys previous) {
        if (previous == null) {
            RUNNING.remove();
        } else {
            RUNNING.set(previous);
        }
    }

    /**
     * Runs an action with a key on this thread (recovery's compensations).
     *
     * @param key    the step's key
     * @param action what to run
     * @throws Throwable what it threw
     */
    public static void runWith(String key, ThrowingAction action) throws Throwable {
        CompensationKeys keys = new CompensationKeys(null, null);
        keys.key = key;
        CompensationKeys previous = keys.enter();
        try {
            action.run();
        } finally {
            leave(previous);
        }
    }

    /** Something recovery runs under a key. */
    @FunctionalInterface
    public interface ThrowingAction {
        /** @throws Throwable what it threw */
        void run() throws Throwable;
    }
}
