package dev.rollback.internal;

import dev.rollback.Compensation;

/**
 * A compensation registered through the programmatic API.
 */
final class LambdaRecord extends Record {

    private final String description;
    private final int priority;
    private final long timeoutMillis;
    private final int retries;
    private final Compensation compensation;

    LambdaRecord(String description, int priority, long timeoutMillis, int retries, Compensation compensation) {
        this.description = description;
        this.priority = priority;
        this.timeoutMillis = timeoutMillis;
        this.retries = retries;
        this.compensation = compensation;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    long timeoutMillis() {
        return timeoutMillis;
    }

    @Override
    public int retries() {
        return retries;
    }

    @Override
    void run() throws Exception {
        compensation.run();
    }
}
