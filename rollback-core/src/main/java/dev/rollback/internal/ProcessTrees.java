package dev.rollback.internal;

import dev.rollback.Compensation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The compensation behind {@link dev.rollback.Compensations#destroy(ProcessHandle, Duration)}.
 * Signals go through {@link ProcessHandle}s only: the JDK compares the start instant a handle
 * carries with the running process's before it signals, so a reused pid is never signalled.
 */
public final class ProcessTrees implements Compensation {

    private static final long LONGEST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Path PROC = Path.of("/proc");

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
        Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
        addTree(tree, process);
        if (!grace.isZero()) {
            tree.values().forEach(ProcessHandle::destroy);
            awaitEnd(tree.values(), System.nanoTime() + grace.toNanos());
        }
        List<ProcessHandle> running = running(tree.values());
        if (running.isEmpty()) {
            return;
        }
        for (ProcessHandle handle : running) {
            addTree(tree, handle); // children started during the grace period
        }
        tree.values().forEach(ProcessHandle::destroyForcibly);
        awaitEnd(tree.values(), Long.MAX_VALUE);
    }

    private static void addTree(Map<Long, ProcessHandle> tree, ProcessHandle top) {
        if (top.isAlive()) {
            tree.putIfAbsent(top.pid(), top);
        }
        top.descendants().forEach(child -> tree.putIfAbsent(child.pid(), child));
    }

    /** Waits until every process has ended, or until {@code deadline} (a {@link System#nanoTime()}). */
    private static void awaitEnd(Iterable<ProcessHandle> handles, long deadline) throws InterruptedException {
        long pause = TimeUnit.MILLISECONDS.toNanos(1);
        while (!running(handles).isEmpty()) {
            long left = deadline == Long.MAX_VALUE ? pause : deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            pause = Math.min(pause * 2, LONGEST_POLL_NANOS);
        }
    }

    private static List<ProcessHandle> running(Iterable<ProcessHandle> handles) {
        List<ProcessHandle> running = new ArrayList<>();
        for (ProcessHandle handle : handles) {
            if (!hasEnded(handle)) {
                running.add(handle);
            }
        }
        return running;
    }

    /**
     * A zombie has ended although {@link ProcessHandle#isAlive()} still says alive; orphans whose
     * new parent never reaps them (a container's init) stay zombies for good. A zombie on the
     * handle's pid means the handle's process has ended either way: it is that zombie, or it was
     * reaped before the pid could be reused.
     */
    static boolean hasEnded(ProcessHandle handle) {
        return !handle.isAlive() || isZombie(handle.pid());
    }

    private static boolean isZombie(long pid) {
        Path stat = PROC.resolve(Long.toString(pid)).resolve("stat");
        String text;
        try {
            text = Files.readString(stat, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return false; // no /proc entry (other systems, or the process is gone): isAlive decides
        }
        int afterName = text.lastIndexOf(')');
        return afterName > 0 && afterName + 2 < text.length() && text.charAt(afterName + 2) == 'Z';
    }

    @Override
    public String toString() {
        return "destroy(" + process.pid() + " and its descendants, grace " + grace.toMillis() + " ms)";
    }
}
