package dev.rollback.recovery;

import dev.rollback.annotation.Compensate;

import java.util.concurrent.CountDownLatch;

/** A compensation that waits until a test lets it go: to show that recovery enforces {@code timeoutMillis}. */
public class Slow {

    /** Counted down when the compensation starts; the thread it runs on is in {@link #ranOn}. */
    static volatile CountDownLatch started = new CountDownLatch(1);
    /** The compensation waits for it. */
    static volatile CountDownLatch release = new CountDownLatch(1);
    /** Counted down when the compensation ends, however it ends. */
    static volatile CountDownLatch ended = new CountDownLatch(1);
    static volatile Thread ranOn;
    static volatile boolean interrupted;

    @Compensate(value = "undo", timeoutMillis = 300)
    public String hold(String name) {
        return name;
    }

    void undo(String name) {
        ranOn = Thread.currentThread();
        started.countDown();
        try {
            release.await();
            Ledger.note("undid " + name);
        } catch (InterruptedException e) {
            interrupted = true; // what the engine does to an attempt that overran: the test asserts it
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
    }
}
