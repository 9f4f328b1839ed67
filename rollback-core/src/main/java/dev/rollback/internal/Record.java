package dev.rollback.internal;

/**
 * One recorded compensation: what to run, and how (priority, time limit, retries).
 */
abstract class Record {

    /** @return the description shown in reports; computed when asked, at rollback time, so ask once */
    abstract String description();

    abstract int priority();

    abstract long timeoutMillis();

    abstract int retries();

    /** Runs one attempt. */
    abstract void run() throws Throwable;
}
