package dev.rollback.internal;

import dev.rollback.RollbackScope;
import dev.rollback.RollbackStateException;
import dev.rollback.annotation.Propagation;

import java.util.Arrays;

/**
 * One open scope on one thread: its policy, its enclosing scope and the compensations recorded in
 * it, in recording order. Opening and closing are O(1); the record array is created on the first
 * record.
 */
public final class Scope implements RollbackScope {

    private static final Record[] EMPTY = new Record[0];

    private final ScopePolicy policy;
    private final String name;
    final Scope parent;
    final Thread owner;
    final boolean programmatic;

    /** The scope opened inside this one that is still open, if any: lets a closing scope see, without the thread-local, that nothing was left open inside it. */
    Scope openChild;

    private Record[] records = EMPTY;
    private int size;
    private String operationId;
    private boolean committed;
    private boolean closed;

    Scope(ScopePolicy policy, String name, Scope parent, boolean programmatic) {
        this.policy = policy;
        this.name = name;
        this.parent = parent;
        this.owner = Thread.currentThread();
        this.programmatic = programmatic;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String operationId() {
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

    void add(Record record) {
        if (size == records.length) {
            records = size == 0 ? new Record[8] : Arrays.copyOf(records, size * 2);
        }
        records[size++] = record;
    }

    /** Appends a successful nested scope's records after this scope's own, keeping their order. */
    void adopt(Scope child) {
        int needed = size + child.size;
        if (needed > records.length) {
            records = Arrays.copyOf(records, Math.max(needed, Math.max(8, size * 2)));
        }
        System.arraycopy(child.records, 0, records, size, child.size);
        size = needed;
        child.forget();
    }

    void forget() {
        records = EMPTY;
        size = 0;
    }

    /**
     * Takes the records out of the scope, in the order they are to run: priority descending, and
     * newest first among equal priorities. The scope is left empty, so it can never run them twice.
     * The scope's own array is handed over, not copied: the records are its first {@link #size()}
     * elements (to be asked before this), and nulls may follow them.
     */
    Record[] drainInRollbackOrder() {
        Record[] ordered = records;
        int count = size;
        forget();
        boolean samePriority = true;
        int priority = count == 0 ? 0 : ordered[0].priority();
        for (int low = 0, high = count - 1; low < high; low++, high--) {
            Record newer = ordered[high];
            ordered[high] = ordered[low];
            ordered[low] = newer;
        }
        for (int i = 0; i < count; i++) {
            samePriority &= ordered[i].priority() == priority;
        }
        if (!samePriority) {
            // Arrays.sort on objects is stable, so reverse recording order survives among equals.
            Arrays.sort(ordered, 0, count, (a, b) -> Integer.compare(b.priority(), a.priority()));
        }
        return ordered;
    }

    int size() {
        return size;
    }

    @Override
    public String toString() {
        return "scope '" + name + "' [" + operationId() + ']';
    }
}
