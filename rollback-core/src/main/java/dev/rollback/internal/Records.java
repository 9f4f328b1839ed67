package dev.rollback.internal;

import dev.rollback.RecordedCompensation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The compensations a scope holds, in the order they were kept. Not thread-safe: its scope guards
 * it.
 *
 * <p>A scope that only its own thread records into keeps its records in an array and nothing else;
 * their order in the array is the order they were kept. Once work of the scope runs on other
 * threads, each record is also stamped, from one JVM-wide counter, at the moment it is kept, so that
 * when a nested scope hands its records to a parent that other threads filled meanwhile, "newest"
 * still means the moment each record was kept. Records kept before the scope was shared carry no
 * stamp (0): they are older than every stamped record of the scopes they can be merged with,
 * because no other thread could reach those scopes before.
 */
class Records {

    private static final Record[] EMPTY = new Record[0];
    private static final AtomicLong STAMPS = new AtomicLong();
    private static final Comparator<Stamped> ROLLBACK_ORDER = Comparator.comparingInt((Stamped s) -> s.record.priority())
            .reversed().thenComparing(Comparator.comparingLong((Stamped s) -> s.stamp).reversed());

    private Record[] records = EMPTY;
    private int size;
    /** The stamp of each record, parallel to {@link #records}; {@code null} while none was stamped. */
    private long[] stamps;

    int size() {
        return size;
    }

    /** Keeps a record of the scope's own thread, while no other thread records into the scope. */
    void add(Record record) {
        if (size == records.length) {
            grow(size + 1);
        }
        records[size++] = record;
    }

    /** Keeps a record in a scope shared with other threads; the caller holds the scope's lock. */
    void addStamped(Record record) {
        if (stamps == null) {
            stamps = new long[records.length];
        }
        if (size == records.length) {
            grow(size + 1);
        }
        stamps[size] = STAMPS.incrementAndGet();
        records[size++] = record;
    }

    /** Appends another scope's records after these, leaving the other empty. */
    void addAll(Records other) {
        int needed = size + other.size;
        if (needed > records.length) {
            grow(needed);
        }
        System.arraycopy(other.records, 0, records, size, other.size);
        if (other.stamps != null || stamps != null) {
            if (stamps == null) {
                stamps = new long[records.length];
            }
            if (other.stamps != null) {
                System.arraycopy(other.stamps, 0, stamps, size, other.size);
            }
        }
        size = needed;
        other.clear();
    }

    void clear() {
        records = EMPTY;
        size = 0;
        stamps = null;
    }

    /**
     * Puts the records in the order they are to run: priority descending, and newest first among
     * equal priorities. The array is handed over, not copied: the records are its first
     * {@link #size()} elements, and nulls may follow them.
     */
    Record[] inRollbackOrder() {
        if (stamps != null) {
            return sortedByStamp();
        }
        Record[] ordered = records;
        int count = size;
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

    private Record[] sortedByStamp() {
        Stamped[] all = new Stamped[size];
        for (int i = 0; i < size; i++) {
            // unstamped records (kept before the scope was shared) keep their array order among themselves
            all[i] = new Stamped(records[i], stamps[i], i);
        }
        Arrays.sort(all, ROLLBACK_ORDER.thenComparing(Comparator.comparingInt((Stamped s) -> s.index).reversed()));
        Record[] ordered = new Record[size];
        for (int i = 0; i < size; i++) {
            ordered[i] = all[i].record;
        }
        return ordered;
    }

    /** @return a copy of the records in rollback order, leaving these as they are */
    List<RecordedCompensation> snapshot() {
        Records copy = new Records();
        copy.records = Arrays.copyOf(records, size);
        copy.size = size;
        copy.stamps = stamps == null ? null : Arrays.copyOf(stamps, size);
        return List.of(Arrays.copyOf(copy.inRollbackOrder(), size, RecordedCompensation[].class));
    }

    private void grow(int needed) {
        int length = Math.max(needed, records.length == 0 ? 8 : records.length * 2);
        // a plain new array on the first record: copying the empty one would cost a reflective allocation
        records = records.length == 0 ? new Record[length] : Arrays.copyOf(records, length);
        if (stamps != null) {
            stamps = Arrays.copyOf(stamps, length);
        }
    }

    private record Stamped(Record record, long stamp, int index) {
    }
}
