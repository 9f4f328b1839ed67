package dev.rollback.aspectj;

import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.reflect.MethodSignature;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Function;

/**
 * What was resolved for each advised method, found per call in O(1) without reflection: AspectJ
 * numbers the join points of each woven class from 0, so the table is an array per class, held in
 * a {@link ClassValue} so that it never keeps a class loader alive.
 *
 * @param <T> what is resolved per method
 */
final class JoinPointTable<T> {

    private final Function<Method, T> resolver;
    private final ClassValue<Slots> slots = new ClassValue<>() {
        @Override
        protected Slots computeValue(Class<?> type) {
            return new Slots();
        }
    };

    JoinPointTable(Function<Method, T> resolver) {
        this.resolver = resolver;
    }

    @SuppressWarnings("unchecked")
    T get(JoinPoint.StaticPart joinPoint) {
        Slots table = slots.get(joinPoint.getSignature().getDeclaringType());
        Object[] values = table.values;
        int id = joinPoint.getId();
        if (id < values.length && values[id] != null) {
            return (T) values[id];
        }
        return (T) table.resolve(id, () -> resolver.apply(((MethodSignature) joinPoint.getSignature()).getMethod()));
    }

    private static final class Slots {

        /** Replaced, never changed in place, so that readers need no lock; the values are immutable. */
        volatile Object[] values = new Object[0];

        synchronized Object resolve(int id, java.util.function.Supplier<Object> resolution) {
            Object[] current = values;
            if (id < current.length && current[id] != null) {
                return current[id];
            }
            Object value = resolution.get();
            Object[] next = Arrays.copyOf(current, Math.max(current.length, id + 1));
            next[id] = value;
            values = next;
            return value;
        }
    }
}
