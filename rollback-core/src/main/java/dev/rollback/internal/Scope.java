package dev.rollback.internal;

import dev.rollback.RecordedCompensation;
import dev.rollback.RollbackScope;
import dev.rollback.RollbackStateException;
import dev.rollback.annotation.Propagation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One open scope: its policy, its enclosing scope and the compensations recorded in it (which it
 * holds as the {@code Records} it extends, to save an object per scope). Opening and closing are
 * O(1); the record array is created on the first record.
 *
 * <p>A scope starts private to the thread that opened it, and its records are kept without a lock.
 * When work of the scope is handed to another thread ({@link #share()}, at wrap time, on a thread
 * already inside the scope), the scope and every scope around it become shared: from then on every
 * record, every hand-over and the closing itself take the scope's monitor, so that a record
 * arriving from any thread is either kept before the scope closes or sees it closed and follows
 * {@code LateRecords}.
 */
public final class Scope extends Records implements RollbackScope {

    private static final int OPEN = 0;
    private static final int COMMITTED = 1;
    private static final int ROLLED_BACK = 2;

    private final ScopePolicy policy;
    private final String name;
    final Scope parent;
    final Thread owner;
    final boolean programmatic;
    /** Where this scope is journaled; {@code null} unless it is durable (the one test on the record path). */
    final dev.rollback.spi.JournaledScope journal;

    /** The scope opened inside this one on its own thread that is still open, if any: lets a closing scope see, without the thread-local, that nothing was left open inside it. */
    Scope openChild;

    private volatile boolean shared;
    /** Written under the monitor once shared; read by the owner alone before. */
    private int state = OPEN;
    /** Wrapped tasks of this scope or of scopes inside it that are running now; guarded by the monitor. */
    private int running;
    private String operationId;
    private boolean committed;
    private boolean closed;

    Scope(ScopePolicy policy, String name, Scope parent, boolean programmatic) {
        this.policy = policy;
        this.name = name;
        this.parent = parent;
        this.owner = Thread.currentThread();
        this.programmatic = programmatic;
        if (parent != null && parent.shared) {
            shared = true; // only then: a volatile write costs a fence, even of false
        }
        this.journal = policy.durable() || parent != null && parent.journal != null ? Journaling.open(name, parent) : null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String operationId() {
        // only the owner can find it unset: share() sets it before another thread can reach the scope
        if (operationId == null) {
            operationId = OperationIds.next();
        }
        return operationId;
    }

    @Override
    public void commit() {
        if (closed) {
            throw new RollbackStateException("commit() on " + this + ", which is already closed;"
                    + " accepted: commit() before close(), inside the try-with-resources block");
        }
        committed = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new RollbackStateException("close() on " + this + " from thread '" + Thread.currentThread().getName()
                    + "'; accepted: only the thread that opened it, '" + owner.getName() + "', closes it");
        }
        Scopes.closeProgrammatic(this);
    }

    @Override
    public List<RecordedCompensation> pending() {
        if (!shared && Thread.currentThread() == owner) {
            return snapshot();
        }
        synchronized (this) {
            return snapshot();
        }
    }

    ScopePolicy policy() {
        return policy;
    }

    boolean isCommitted() {
        return committed;
    }

    boolean isClosed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }

    boolean keepsRecordsForParent() {
        return parent != null && policy.propagation() == Propagation.NESTED;
    }

    boolean isShared() {
        return shared;
    }

    /**
     * Makes this scope and the scopes around it take records from other threads. Called on a
     * thread inside this scope: the scopes around it that are still private belong to that thread.
     */
    void share() {
        for (Scope scope = this; scope != null && !scope.shared; scope = scope.parent) {
            scope.operationId();
            synchronized (scope) {
                scope.shared = true; // under the monitor: the records kept so far are published with it
            }
        }
    }

    /**
     * Keeps a record.
     *
     * @return whether it was kept here; {@code false} when the scope had closed, and the caller
     *         must hand the record on ({@code LateRecords})
     */
    boolean keep(Record record) {
        if (!shared) {
            if (journal == null) {
                add(record);
            } else {
                keepJournaled(record, false);
            }
            return true;
        }
        synchronized (this) {
            if (state != OPEN) {
                return false;
            }
            if (journal == null) {
                addStamped(record);
            } else {
                keepJournaled(record, true);
            }
            return true;
        }
    }

    /**
     * Journals a durable scope's record before keeping it (D1), and keeps it even when journaling
     * fails, so that a live rollback still undoes what the call did.
     */
    private void keepJournaled(Record record, boolean stamped) {
        try {
            ((DurableRecord) record).journalRecord();
        } finally {
            if (stamped) {
                addStamped(record);
            } else {
                add(record);
            }
        }
    }

    /**
     * Keeps a nested scope's records after this scope's own.
     *
     * @return whether they were kept; {@code false} when this scope had closed (they are left in
     *         {@code taken} then)
     */
    boolean adopt(Records taken) {
        if (!shared && Thread.currentThread() == owner) {
            addAll(taken);
            return true;
        }
        synchronized (this) {
            if (state != OPEN) {
                return false;
            }
            addAll(taken);
            return true;
        }
    }

    /**
     * Closes the scope for records, as committed or rolled back. From then on no thread changes
     * what it holds but the one that closed it, which hands it on or runs it.
     */
    void settle(boolean rolledBack) {
        if (!shared) {
            state = rolledBack ? ROLLED_BACK : COMMITTED;
            return;
        }
        synchronized (this) {
            state = rolledBack ? ROLLED_BACK : COMMITTED;
        }
    }

    /** @return whether the scope closed as committed; meaningful once closed, read under the monitor */
    synchronized boolean settledAsCommitted() {
        return state == COMMITTED;
    }

    /** A wrapped task of this scope starts running: this scope and the scopes around it count it. */
    void taskStarted() {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            synchronized (scope) {
                scope.running++;
            }
        }
    }

    /** A wrapped task of this scope has ended. */
    void taskEnded() {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            synchronized (scope) {
                scope.running--;
                scope.notifyAll(); // a waiter may be inside some of the tasks still running
            }
        }
    }

    /**
     * Waits until no wrapped task of this scope is running but the {@code own} ones the waiting
     * thread is inside, at most {@code limit}, even through interrupts.
     *
     * @return whether the waiting thread was interrupted meanwhile
     */
    synchronized boolean awaitTasks(Duration limit, int own) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + limit.toNanos();
        while (running > own) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                interrupted = true; // restored by the caller once the rollback has ended
            }
        }
        return interrupted;
    }

    @Override
    public String toString() {
        return "scope '" + name + "' [" + operationId() + ']';
    }
}
