package dev.rollback.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tells, for one run of {@link ProcessTrees}, whether a process still runs. A process that exited
 * stays a zombie until its parent reaps it, and {@link ProcessHandle#isAlive()} still says alive
 * then. For a while such a zombie is {@link State#REAPING}: its parent is left the time to reap it
 * before being asked to end in turn, since a parent that ends first hands the zombie to an init that
 * may never reap (a container whose first process is the JVM). A zombie still there after
 * {@link #ALLOWANCE_NANOS} has a parent that does not reap, and counts as ended.
 */
final class Reaping {

    /** How long a zombie's parent is given to reap it. */
    static final long ALLOWANCE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Path PROC = Path.of("/proc");

    enum State {
        /** Runs code: it can be signalled, and its parent must wait. */
        RUNNING,
        /** Exited, and not reaped yet by a parent that was given less than the allowance. */
        REAPING,
        /** Reaped, or a zombie whose parent has not reaped it within the allowance. */
        ENDED
    }

    private final Map<ProcessHandle, Long> zombieSince = new HashMap<>();

    State of(ProcessHandle process) {
        if (!process.isAlive()) {
            return State.ENDED;
        }
        if (!isZombie(process.pid())) {
            return State.RUNNING;
        }
        long now = System.nanoTime();
        long since = zombieSince.computeIfAbsent(process, zombie -> now);
        return now - since < ALLOWANCE_NANOS ? State.REAPING : State.ENDED;
    }

    /**
     * Reads the state letter of {@code /proc/<pid>/stat} (Linux). It is read by pid, but only
     * right after {@link ProcessHandle#isAlive()} confirmed the pid still belongs to the handle's
     * process, and it decides a wait, never a signal.
     */
    private static boolean isZombie(long pid) {
        String text;
        try {
            text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return false; // no /proc entry: another system, or reaped meanwhile; isAlive decides next time
        }
        int afterName = text.lastIndexOf(')');
        return afterName > 0 && afterName + 2 < text.length() && text.charAt(afterName + 2) == 'Z';
    }
}
