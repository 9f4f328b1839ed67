package dev.rollback.benchmarks;

import dev.rollback.benchmarks.plain.Resources;
import dev.rollback.benchmarks.plain.StepFailure;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The limit the framework is measured against: what a careful programmer writes by hand. A scope
 * is a deque of lambdas published through a {@code ThreadLocal}, so that code deeper down the stack
 * can register its undo action, as a {@code @Compensate} method does; on failure the lambdas run
 * newest first, each failure attached to the original throwable; a nested scope that succeeds hands
 * its lambdas to the enclosing one.
 */
public final class Handwritten {

    private static final ThreadLocal<UndoLog> CURRENT = new ThreadLocal<>();

    private final Resources resources;
    private final String[] names;

    /**
     * @param resources never-woven resources
     * @param names     the names to acquire
     */
    public Handwritten(Resources resources, String[] names) {
        this.resources = resources;
        this.names = names;
    }

    private static final class UndoLog {
        final UndoLog parent;
        final ArrayDeque<Runnable> undo = new ArrayDeque<>();

        UndoLog(UndoLog parent) {
            this.parent = parent;
        }
    }

    /** Like {@code Orchestrator.succeed}. */
    public int succeed(int compensations) {
        UndoLog log = open();
        try {
            for (int i = 0; i < compensations; i++) {
                acquire(names[i]);
            }
        } catch (Throwable thrown) {
            rollBack(log, thrown);
            throw thrown;
        }
        close(log);
        return compensations;
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

    /** Like {@code Layer.enter}, {@code depth} levels deep. */
    public int enter(String name, int depth) {
        UndoLog log = open();
        int levels;
        try {
            acquire(name);
            levels = depth == 1 ? 1 : 1 + enter(name, depth - 1);
        } catch (Throwable thrown) {
            rollBack(log, thrown);
            throw thrown;
        }
        close(log);
        return levels;
    }

    /** What a {@code @Compensate} method's caller writes: acquire, then register the undo action. */
    private void acquire(String name) {
        String handle = resources.acquire(name);
        UndoLog log = CURRENT.get();
        if (log != null) {
            log.undo.push(() -> resources.release(handle));
        }
    }

    private static UndoLog open() {
        UndoLog log = new UndoLog(CURRENT.get());
        CURRENT.set(log);
        return log;
    }

    private static void close(UndoLog log) {
        restoreParent(log);
        if (log.parent != null) {
            for (Iterator<Runnable> oldestFirst = log.undo.descendingIterator(); oldestFirst.hasNext(); ) {
                log.parent.undo.push(oldestFirst.next());
            }
        }
    }

    private static void rollBack(UndoLog log, Throwable cause) {
        restoreParent(log);
        for (Runnable undo; (undo = log.undo.poll()) != null; ) {
            try {
                undo.run();
            } catch (Throwable failure) {
                cause.addSuppressed(failure);
            }
        }
    }

    private static void restoreParent(UndoLog log) {
        if (log.parent == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(log.parent);
        }
    }
}
