package dev.rollback.samples.leak;

import dev.rollback.annotation.Compensate;
import dev.rollback.annotation.WithRollback;
import dev.rollback.samples.Counter;

/** Loaded by a fresh class loader each time; runs one failing scope with one compensation. */
public class Throwaway implements Runnable {

    @Override
    @WithRollback
    public void run() {
        acquire();
        throw new IllegalStateException("throwaway scope fails");
    }

    @Compensate("release")
    void acquire() {
        // the call itself is the resource: its record is what must not outlive the loader
    }

    void release() {
        Counter.COMPENSATED.incrementAndGet();
    }
}
