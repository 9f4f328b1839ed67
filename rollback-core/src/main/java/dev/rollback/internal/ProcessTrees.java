package dev.rollback.internal;

import dev.rollback.Compensation;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The compensation behind {@link dev.rollback.Compensations#destroy(ProcessHandle, Duration)}: a
 * graceful {@link LeavesFirst} phase limited by the grace, then a forcible one that waits until the
 * tree has ended. Signals go through {@link ProcessHandle}s only: the JDK compares the start instant
 * a handle carries with the running process's before it signals, so a reused pid is never signalled.
 */
public final class ProcessTrees implements Compensation {

    private final ProcessHandle process;
    private final Duration grace;

    private ProcessTrees(ProcessHandle process, Duration grace) {
        this.process = process;
        this.grace = grace;
    }

    /**
     * @param process the handle taken at spawn
     * @param grace   the wait between the graceful request and the forcible one
     * @return the compensation
     * @throws IllegalArgumentException when {@code grace} is negative or {@code process} is this JVM
     */
    public static ProcessTrees destroy(ProcessHandle process, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("destroy(" + process.pid() + ", grace " + grace
                    + "): the grace period is negative; accepted: Duration.ZERO or more");
        }
        if (process.equals(ProcessHandle.current())) {
            throw new IllegalArgumentException("destroy(" + process.pid() + ", grace " + grace
                    + "): that is the current JVM; accepted: a process this JVM started");
        }
        return new ProcessTrees(process, grace);
    }

    @Override
    public void run() throws InterruptedException {
        Set<ProcessHandle> known = new HashSet<>();
        Reaping reaping = new Reaping();
        if (!grace.isZero()
                && new LeavesFirst(process, ProcessHandle::destroy, known, reaping).run(TimeUnit.NANOSECONDS.convert(grace))) {
            return;
        }
        new LeavesFirst(process, ProcessHandle::destroyForcibly, known, reaping).run(LeavesFirst.NO_LIMIT);
    }

    @Override
    public String toString() {
        return "destroy(" + process.pid() + " and its descendants, grace " + grace.toMillis() + " ms)";
    }
}
