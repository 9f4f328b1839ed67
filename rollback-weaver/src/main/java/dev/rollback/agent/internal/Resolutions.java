package dev.rollback.agent.internal;

import dev.rollback.CompensationConfigurationException;
import dev.rollback.internal.CompensatePlan;
import dev.rollback.internal.ScopePolicy;

import java.util.Arrays;

/**
 * What each advised method resolves to (its {@link ScopePolicy} or {@link CompensatePlan}),
 * resolved at its first call and then found in O(1): an array per class, indexed by the number
 * bound into the advice, held in a {@link ClassValue} so that it never keeps a class loader alive.
 */
final class Resolutions {

    private static final ClassValue<Table> TABLES = new ClassValue<>() {
        @Override
        protected Table computeValue(Class<?> type) {
            return new Table();
        }
    };

    private Resolutions() {
    }

    static ScopePolicy policy(Class<?> type, int index, int id) {
        Object value = TABLES.get(type).get(type, index, id);
        if (value instanceof ScopePolicy policy) {
            return policy;
        }
        throw new CompensationConfigurationException((String) value);
    }

    static CompensatePlan plan(Class<?> type, int index, int id) {
        return (CompensatePlan) TABLES.get(type).get(type, index, id);
    }

    private static final class Table {

        /** Replaced, never changed in place, so that readers need no lock; the values are immutable. */
        private volatile Object[] values = new Object[0];

        Object get(Class<?> type, int index, int id) {
            Object[] current = values;
            if (index < current.length && current[index] != null) {
                return current[index];
            }
            return resolve(type, index, id);
        }

        private synchronized Object resolve(Class<?> type, int index, int id) {
            Object[] current = values;
            if (index < current.length && current[index] != null) {
                return current[index];
            }
            Object value = Resolver.resolve(type, AdvisedMethods.get(id));
            Object[] next = Arrays.copyOf(current, Math.max(current.length, index + 1));
            next[index] = value;
            values = next;
            return value;
        }
    }
}
