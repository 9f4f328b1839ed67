package dev.rollback.agent.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Numbers the advised methods at transform time, so that the advice can name its method with two
 * int constants instead of a per-call reflective look-up. Entries hold names only, never a class
 * or a class loader: the same class loaded by a thousand throwaway loaders shares one entry.
 *
 * <p>The agent's copy of this class is the table. A copy defined in an application's class loader,
 * as part of the bridge there, is {@linkplain #connect connected} to it and copies entries on demand,
 * as arrays of JDK types, since the two copies cannot see each other's classes.
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
    /** Set in a bridge's copy only: the agent's table, by id. */
    private static volatile IntFunction<Object[]> table;
    /** Set in a bridge's copy only: the agent's {@link #ruledCompensateId}. */
    private static volatile ToIntFunction<String> ruledIds;

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

    /** @return whether the agent advised a method of this name and descriptor in a class of this name */
    static boolean advised(String typeName, String methodName, String descriptor) {
        for (Key key : BY_KEY.keySet()) {
            if (key.typeName().equals(typeName) && key.methodName().equals(methodName) && key.descriptor().equals(descriptor)) {
                return true;
            }
        }
        return false;
    }

    static Entry get(int id) {
        Entry[] entries = byId;
        Entry entry = id < entries.length ? entries[id] : null;
        return entry != null || table == null ? entry : copy(id, table.apply(id));
    }

    /**
     * @param agentTable the agent's {@link #export}, called reflectively by the agent's {@link Injector}
     * @param agentIds   the agent's {@link #ruledCompensateId}
     */
    static void connect(IntFunction<Object[]> agentTable, ToIntFunction<String> agentIds) {
        table = agentTable;
        ruledIds = agentIds;
    }

    /**
     * @param method {@code <class name>#<method name><descriptor>}
     * @return the id of the entry that a compensate rule gave that method, or -1 when none did
     */
    static int ruledCompensateId(String method) {
        for (Map.Entry<Key, Entry> known : BY_KEY.entrySet()) {
            Key key = known.getKey();
            if (key.kind() == Rule.Kind.COMPENSATE && key.rule() != null
                    && method.equals(key.typeName() + '#' + key.methodName() + key.descriptor())) {
                return known.getValue().id();
            }
        }
        return -1;
    }

    /**
     * @return the entry of a method that a compensate rule designates, in a class the agent
     *         transformed; {@code null} when no rule designates it (recovery, D8)
     */
    static Entry ruledCompensate(String typeName, String methodName, String descriptor) {
        String method = typeName + '#' + methodName + descriptor;
        ToIntFunction<String> ids = ruledIds;
        int id = ids != null ? ids.applyAsInt(method) : ruledCompensateId(method);
        return id < 0 ? null : get(id);
    }

    /** @return an entry of the table as JDK types, for a bridge's copy: see {@link #copy} */
    static Object[] export(int id) {
        Entry entry = byId[id];
        Rule rule = entry.rule();
        Object[] ruleFields = rule == null ? null : new Object[]{rule.kind().name(), rule.typeName(), rule.methodName(),
                rule.parameters(), rule.attributes(), rule.location()};
        return new Object[]{entry.index(), entry.typeName(), entry.methodName(), entry.descriptor(), entry.kind().name(),
                ruleFields};
    }

    /** Not kept: the bridge's resolutions are, and each method is resolved once per class. */
    @SuppressWarnings("unchecked")
    private static Entry copy(int id, Object[] fields) {
        Object[] ruleFields = (Object[]) fields[5];
        Rule rule = ruleFields == null ? null : new Rule(Rule.Kind.valueOf((String) ruleFields[0]), (String) ruleFields[1],
                (String) ruleFields[2], (List<String>) ruleFields[3], (Map<String, String>) ruleFields[4],
                (String) ruleFields[5]);
        return new Entry(id, (Integer) fields[0], (String) fields[1], (String) fields[2], (String) fields[3],
                Rule.Kind.valueOf((String) fields[4]), rule);
    }
}
