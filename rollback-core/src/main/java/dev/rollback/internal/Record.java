package dev.rollback.internal;

import dev.rollback.Compensation;
import dev.rollback.RecordedCompensation;

import java.time.Duration;

/**
 * One recorded compensation: what to run, and how (priority, time limit, retries).
 */
abstract class Record implements RecordedCompensation {

    /** @return the description shown in reports; computed on first use, at rollback time */
    @Override
    public abstract String description();

    @Override
    public abstract int priority();

    abstract long timeoutMillis();

    @Override
    public abstract int retries();

    /** Runs one attempt. */
    abstract void run() throws Throwable;

    /** @return the journaled step of a durable scope's record; {@code null} for every other record */
    dev.rollback.spi.JournaledStep step() {
        return null;
    }

    @Override
    public Duration timeout() {
        return Duration.ofMillis(timeoutMillis());
    }

    @Override
    public Compensation undo() {
        return () -> {
            try {
                run();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("compensation '" + description() + "' threw " + t, t);
            }
        };
    }
}
