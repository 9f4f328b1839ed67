package dev.rollback.agent.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers the advised methods at transform time, so that the advice can name its method with two
 * int constants instead of a per-call reflective look-up. Entries hold names only, never a class
 * or a class loader: the same class loaded by a thousand throwaway loaders shares one entry.
 */
final class AdvisedMethods {

    /**
     * @param id         the global number, bound into the advice as a constant
     * @param index      the number within its class name, the slot in that class's table
     * @param typeName   the declaring class
     * @param methodName the method
     * @param descriptor its JVM descriptor
     * @param kind       which advice it gets
     * @param rule       the rule it comes from, or {@code null} when it is annotated
     */
    record Entry(int id, int index, String typeName, String methodName, String descriptor, Rule.Kind kind, Rule rule) {
    }

    private record Key(String typeName, String methodName, String descriptor, Rule.Kind kind, Rule rule) {
    }

    private static final Map<Key, Entry> BY_KEY = new ConcurrentHashMap<>();
    private static final Map<String, Integer> NEXT_INDEX = new ConcurrentHashMap<>();
    private static volatile Entry[] byId = new Entry[64];
    private static int size;

    private AdvisedMethods() {
    }

    static Entry register(String typeName, String methodName, String descriptor, Rule.Kind kind, Rule rule) {
        Entry known = BY_KEY.get(new Key(typeName, methodName, descriptor, kind, rule));
        return known != null ? known : add(new Key(typeName, methodName, descriptor, kind, rule));
    }

    private static synchronized Entry add(Key key) {
        Entry known = BY_KEY.get(key);
        if (known != null) {
            return known;
        }
        int index = NEXT_INDEX.merge(key.typeName(), 1, Integer::sum) - 1;
        Entry entry = new Entry(size, index, key.typeName(), key.methodName(), key.descriptor(), key.kind(), key.rule());
        Entry[] entries = byId;
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        entries[size++] = entry;
        byId = entries;
        BY_KEY.put(key, entry);
        return entry;
    }

    static Entry get(int id) {
        return byId[id];
    }
}
