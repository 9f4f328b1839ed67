package dev.rollback.agent.internal;

import dev.rollback.internal.CompensatePlan;
import dev.rollback.internal.ScopePolicy;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * What each advised method resolves to (its {@link ScopePolicy} or {@link CompensatePlan}),
 * resolved at its first call and then found in a few loads. Class files of Java 11 and later keep
 * the resolution in a dynamic constant and ask here once; older ones ask on every call.
 *
 * <p>The authoritative table is an array per class, indexed by the number bound into the advice,
 * held in a {@link ClassValue} so that it never keeps a class loader alive. In front of it, because
 * a {@code ClassValue} look-up per call was half of the success path's cost, is an array indexed by
 * the method's global number, holding each resolution weakly together with its class: the global
 * number names a method by class name, and the same name may be loaded by several class loaders,
 * so a hit must also match the class; anything else is a miss and takes the table.
 */
final class Resolutions {

    private static final ClassValue<Table> TABLES = new ClassValue<>() {
        @Override
        protected Table computeValue(Class<?> type) {
            return new Table();
        }
    };

    /** Replaced, never changed in place, so that readers need no lock. */
    private static volatile Hit[] fast = new Hit[64];

    private Resolutions() {
    }

    /**
     * Resolves a method once, for the dynamic constant that then holds the resolution: straight
     * from its class's table, without the per-call array in front of it.
     *
     * @return the method's {@link ScopePolicy} or {@link CompensatePlan}, or the message of the
     *         configuration error that prevents a scope from opening
     */
    static Object resolve(Class<?> type, int index, int id) {
        return TABLES.get(type).get(type, index, id).value;
    }

    /**
     * Finds a method's resolution on every call, for class files too old for dynamic constants.
     *
     * @return as {@link #resolve}
     */
    static Object get(Class<?> type, int index, int id) {
        Hit[] hits = fast;
        Resolved cached = null;
        if (id < hits.length) {
            Hit hit = hits[id];
            cached = hit == null ? null : hit.get();
            if (cached != null && cached.type == type) {
                return cached.value;
            }
        }
        Resolved resolved = TABLES.get(type).get(type, index, id);
        if (cached == null) {
            remember(id, resolved);
        }
        return resolved.value;
    }

    /** Caches a resolution, unless its slot holds a live one of a class of the same name from another loader. */
    private static synchronized void remember(int id, Resolved resolved) {
        Hit[] hits = fast;
        if (id < hits.length && hits[id] != null && hits[id].get() != null) {
            return; // the other loader keeps the fast path; this one takes the table
        }
        Hit[] next = Arrays.copyOf(hits, id < hits.length ? hits.length : Math.max(hits.length * 2, id + 1));
        next[id] = new Hit(resolved);
        fast = next;
    }

    /** One method's resolution, held strongly by its class's table and weakly by the fast array. */
    private record Resolved(Class<?> type, Object value) {
    }

    private static final class Hit extends WeakReference<Resolved> {
        Hit(Resolved resolved) {
            super(resolved);
        }
    }

    private static final class Table {

        /** Replaced, never changed in place, so that readers need no lock; the values are immutable. */
        private volatile Resolved[] values = new Resolved[0];

        Resolved get(Class<?> type, int index, int id) {
            Resolved[] current = values;
            return index < current.length && current[index] != null ? current[index] : resolve(type, index, id);
        }

        private synchronized Resolved resolve(Class<?> type, int index, int id) {
            if (index < values.length && values[index] != null) {
                return values[index];
            }
            Resolved resolved = new Resolved(type, Resolver.resolve(type, AdvisedMethods.get(id)));
            Resolved[] next = Arrays.copyOf(values, Math.max(values.length, index + 1));
            next[index] = resolved;
            values = next;
            return resolved;
        }
    }
}
