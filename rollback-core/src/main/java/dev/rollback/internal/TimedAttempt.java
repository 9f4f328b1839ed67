package dev.rollback.internal;

import org.slf4j.MDC;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One attempt of a compensation with a time limit, on a daemon thread of its own. The thread is
 * never pooled: when the attempt overruns, it is interrupted and abandoned, and serves nobody else
 * while it is still alive.
 */
final class TimedAttempt implements Runnable {

    private static final AtomicLong THREADS = new AtomicLong();

    private final Record record;
    private final String operationId;
    private final Map<String, String> mdc;
    private final CompensationKeys key;
    private final CountDownLatch done = new CountDownLatch(1);
    private Thread thread;
    private volatile Throwable failure;

    private TimedAttempt(Record record, String operationId, CompensationKeys key) {
        this.key = key;
        this.record = record;
        this.operationId = operationId;
        this.mdc = MDC.getCopyOfContextMap();
    }

    static TimedAttempt start(Record record, String operationId, CompensationKeys key) {
        TimedAttempt attempt = new TimedAttempt(record, operationId, key);
        attempt.thread = new Thread(attempt, "rollback-compensation-" + operationId + "-" + THREADS.incrementAndGet());
        attempt.thread.setDaemon(true);
        attempt.thread.start();
        return attempt;
    }

    @Override
    public void run() {
        if (mdc != null) {
            MDC.setContextMap(mdc);
        }
        key.enter();
        try {
            record.run();
        } catch (Throwable t) {
            failure = t; // handed to the rolling-back thread, which reports it
        } finally {
            CompensationKeys.leave(null);
            done.countDown();
        }
    }

    /**
     * Waits for the attempt until the limit, even through interrupts.
     *
     * @return whether the waiting thread was interrupted meanwhile
     */
    boolean await(long timeoutMillis) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                done.await(Math.max(0, left), TimeUnit.NANOSECONDS);
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true; // restored by the rollback when it ends
            }
        }
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    Throwable failure() {
        return failure;
    }

    TimeoutException abandon(long timeoutMillis) {
        thread.interrupt();
        return new TimeoutException("compensation '" + record.description() + "' of operation " + operationId
                + " did not finish within " + timeoutMillis + " ms; its thread '" + thread.getName()
                + "' was interrupted and abandoned");
    }
}
