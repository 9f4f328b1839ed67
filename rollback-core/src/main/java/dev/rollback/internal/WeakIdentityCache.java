package dev.rollback.internal;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * The weavers' per-call look-up of what was resolved for an advised method, in a few loads: an
 * open-addressing table keyed by the identity of a constant the advice already holds (AspectJ's
 * static part of the join point). The table holds its entries weakly; each entry's owner (a
 * {@link ClassValue} of the advised class) holds it strongly, so the table never keeps a class, or
 * its class loader, alive. A miss, including one caused by a race or a collected entry, only sends
 * the caller to its slower, authoritative look-up.
 *
 * <p>Measured: a {@link ClassValue#get} per advised call was half of the success path's cost.
 *
 * @param <V> what is resolved per key
 */
public final class WeakIdentityCache<V> {

    /** How far a look-up probes before it gives up and reports a miss. */
    private static final int MAX_PROBES = 4;
    private static final int MAX_SLOTS = 1 << 16;

    /**
     * One resolved key, to be held strongly by its owner and weakly by the cache.
     *
     * @param <V> the resolved value's type
     */
    public static final class Entry<V> {

        private final Object key;
        private final V value;

        /**
         * @param key   the key, compared by identity
         * @param value what it resolves to
         */
        public Entry(Object key, V value) {
            this.key = key;
            this.value = value;
        }

        /** @return the key */
        public Object key() {
            return key;
        }

        /** @return what the key resolves to */
        public V value() {
            return value;
        }
    }

    /**
     * Replaced, never changed in place, so that readers need no lock. Not volatile, on purpose: the
     * look-up is on every advised call, and a reader that sees an older table, or a slot of the new
     * one not yet filled, only misses, and the caller resolves the key again on its locked path.
     * The entries themselves are immutable (final fields).
     */
    private Slot<V>[] slots = newSlots(64);

    /**
     * @param key the key, compared by identity
     * @return its value, or {@code null} when the cache does not hold it (the caller then resolves
     *         it and may {@linkplain #put put} it)
     */
    public V get(Object key) {
        Slot<V>[] table = slots;
        int index = System.identityHashCode(key) & (table.length - 1);
        Slot<V> slot = table[index];
        if (slot == null) {
            return null;
        }
        Entry<V> entry = slot.get();
        return entry != null && entry.key == key ? entry.value : probe(table, index, key);
    }

    /** The rest of {@link #get}, kept out of it so that the common case, a hit at home, stays small. */
    private static <V> V probe(Slot<V>[] table, int home, Object key) {
        int mask = table.length - 1;
        for (int probe = 1, index = (home + 1) & mask; probe < MAX_PROBES; probe++, index = (index + 1) & mask) {
            Slot<V> slot = table[index];
            if (slot == null) {
                return null;
            }
            Entry<V> entry = slot.get();
            if (entry != null && entry.key == key) {
                return entry.value;
            }
        }
        return null;
    }

    /**
     * Remembers an entry, weakly. When the table is crowded it grows, dropping collected entries;
     * at its largest size an entry that finds no slot near its home is not cached, and its key
     * keeps taking the slower path.
     *
     * @param entry the entry, held strongly elsewhere for as long as it is to be found here
     */
    public synchronized void put(Entry<V> entry) {
        Slot<V>[] table = slots;
        Slot<V>[] next = insert(Arrays.copyOf(table, table.length), entry);
        while (next == null && table.length < MAX_SLOTS) {
            table = rehash(table, table.length * 2);
            next = insert(table, entry);
        }
        if (next != null) {
            slots = next;
        }
    }

    /** @return {@code table} with the entry in the first free slot near its home, or {@code null} if none is free */
    private static <V> Slot<V>[] insert(Slot<V>[] table, Entry<V> entry) {
        int mask = table.length - 1;
        int index = System.identityHashCode(entry.key) & mask;
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            Slot<V> slot = table[index];
            if (slot == null || slot.get() == null) {
                table[index] = new Slot<>(entry);
                return table;
            }
            index = (index + 1) & mask;
        }
        return null;
    }

    private static <V> Slot<V>[] rehash(Slot<V>[] table, int length) {
        Slot<V>[] next = newSlots(length);
        for (Slot<V> slot : table) {
            Entry<V> entry = slot == null ? null : slot.get();
            if (entry != null) {
                // an entry that no longer fits near its home is dropped: it is found the slow way
                insert(next, entry);
            }
        }
        return next;
    }

    @SuppressWarnings("unchecked")
    private static <V> Slot<V>[] newSlots(int length) {
        return (Slot<V>[]) new Slot<?>[length];
    }

    private static final class Slot<V> extends WeakReference<Entry<V>> {
        Slot(Entry<V> entry) {
            super(entry);
        }
    }
}
