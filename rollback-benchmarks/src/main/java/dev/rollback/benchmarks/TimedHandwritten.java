package dev.rollback.benchmarks;

import dev.rollback.benchmarks.plain.Resources;
import dev.rollback.benchmarks.plain.StepFailure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The failure path's honest limit: {@link Handwritten}'s undo log, plus what the engine keeps per
 * compensation for its report, no more and no less. The engine, unobserved, reads the clock once as
 * each compensation ends (its start is the previous end), keeps the durations in a {@code long[]},
 * keeps the throwable of a compensation that failed, and builds the report (names, start, durations,
 * outcomes) only when the rollback is incomplete, the report then travelling with the exception.
 * So does this class: an undo that throws is attached to the original throwable, and an incomplete
 * rollback attaches an {@link IncompleteUndo} carrying the {@link UndoReport}. The names are derived
 * from the undo entries when the report is built, as the engine derives its descriptions from the
 * recorded arguments.
 */
public final class TimedHandwritten {

    private static final ThreadLocal<UndoLog> CURRENT = new ThreadLocal<>();

    private final Resources resources;
    private final String[] names;

    /**
     * @param resources never-woven resources
     * @param names     the names to acquire
     */
    public TimedHandwritten(Resources resources, String[] names) {
        this.resources = resources;
        this.names = names;
    }

    /** What one undo did: its name, when it started (by {@link System#nanoTime()}), how long it took, what it threw. */
    public record UndoOutcome(String name, long startNanos, long nanos, Throwable thrown) {
    }

    /** An incomplete rollback's report: when it started, how long it took, every undo's outcome in running order. */
    public record UndoReport(long startNanos, long nanos, List<UndoOutcome> outcomes) {
    }

    /** Attached (suppressed) to the original throwable when an undo failed; carries the report. */
    public static final class IncompleteUndo extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The report; not serialised. */
        private final transient UndoReport report;

        IncompleteUndo(UndoReport report) {
            super("rollback incomplete: " + report.outcomes().stream().filter(o -> o.thrown() != null).count()
                    + " of " + report.outcomes().size() + " undo actions failed");
            this.report = report;
        }

        /** @return the rollback's report */
        public UndoReport report() {
            return report;
        }
    }

    /** The undo of one acquisition, nameable for the report; the same two references as {@link Handwritten}'s lambda. */
    private static final class Release implements Runnable {
        final Resources resources;
        final String handle;

        Release(Resources resources, String handle) {
            this.resources = resources;
            this.handle = handle;
        }

        @Override
        public void run() {
            resources.release(handle);
        }

        String name() {
            return "Resources.release(" + handle + ")";
        }
    }

    /** Like {@code Orchestrator.fail}. */
    public int fail(int compensations, boolean stackTrace) {
        UndoLog log = open();
        try {
            for (int i = 0; i < compensations; i++) {
                acquire(names[i]);
            }
            throw new StepFailure(stackTrace);
        } catch (Throwable thrown) {
            rollBack(log, thrown);
            throw thrown;
        }
    }

    private void acquire(String name) {
        String handle = resources.acquire(name);
        UndoLog log = CURRENT.get();
        if (log != null) {
            log.undo.push(new Release(resources, handle));
        }
    }

    /** As {@link Handwritten}'s, so that the two differ only in what the rollback keeps. */
    private static final class UndoLog {
        final UndoLog parent;
        final ArrayDeque<Release> undo = new ArrayDeque<>();

        UndoLog(UndoLog parent) {
            this.parent = parent;
        }
    }

    private static UndoLog open() {
        UndoLog log = new UndoLog(CURRENT.get());
        CURRENT.set(log);
        return log;
    }

    private static void rollBack(UndoLog log, Throwable cause) {
        if (log.parent == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(log.parent);
        }
        ArrayDeque<Release> undo = log.undo;
        int count = undo.size();
        long[] nanos = new long[count];
        Throwable[] thrown = null;
        long start = System.nanoTime();
        long previousEnd = start;
        int i = 0;
        for (Release release : undo) { // newest first
            try {
                release.run();
            } catch (Throwable failure) {
                cause.addSuppressed(failure);
                if (thrown == null) {
                    thrown = new Throwable[count];
                }
                thrown[i] = failure;
            }
            long end = System.nanoTime();
            nanos[i++] = end - previousEnd;
            previousEnd = end;
        }
        if (thrown != null) {
            cause.addSuppressed(new IncompleteUndo(report(undo, start, previousEnd, nanos, thrown)));
        }
        undo.clear();
    }

    private static UndoReport report(ArrayDeque<Release> undo, long start, long end, long[] nanos, Throwable[] thrown) {
        List<UndoOutcome> outcomes = new ArrayList<>(nanos.length);
        long undoStart = start;
        int i = 0;
        for (Release release : undo) {
            outcomes.add(new UndoOutcome(release.name(), undoStart, nanos[i], thrown[i]));
            undoStart += nanos[i++];
        }
        return new UndoReport(start, end - start, outcomes);
    }
}
