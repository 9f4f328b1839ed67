package dev.rollback.aspectj;

import dev.rollback.internal.WeakIdentityCache;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.reflect.MethodSignature;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Function;

/**
 * What was resolved for each advised method, found per call in a few loads without reflection.
 *
 * <p>The advice holds AspectJ's static part of the join point, a constant of the woven class, so
 * the look-up is keyed by its identity in a {@link WeakIdentityCache}. Behind the cache, and
 * holding its entries, is the authoritative table: AspectJ numbers the join points of each woven
 * class from 0, so it is an array per class, in a {@link ClassValue}, so that nothing here keeps a
 * class loader alive.
 *
 * @param <T> what is resolved per method
 */
final class JoinPointTable<T> {

    private final Function<Method, T> resolver;
    private final WeakIdentityCache<T> cache = new WeakIdentityCache<>();
    private final ClassValue<Slots<T>> slots = new ClassValue<>() {
        @Override
        protected Slots<T> computeValue(Class<?> type) {
            return new Slots<>();
        }
    };

    JoinPointTable(Function<Method, T> resolver) {
        this.resolver = resolver;
    }

    T get(JoinPoint.StaticPart joinPoint) {
        T value = cache.get(joinPoint);
        return value != null ? value : resolve(joinPoint);
    }

    private T resolve(JoinPoint.StaticPart joinPoint) {
        Slots<T> table = slots.get(joinPoint.getSignature().getDeclaringType());
        WeakIdentityCache.Entry<T> entry = table.resolve(joinPoint,
                () -> resolver.apply(((MethodSignature) joinPoint.getSignature()).getMethod()));
        cache.put(entry);
        return entry.value();
    }

    private static final class Slots<T> {

        /** Replaced, never changed in place; the entries are immutable. */
        private WeakIdentityCache.Entry<T>[] entries = newEntries(0);

        synchronized WeakIdentityCache.Entry<T> resolve(JoinPoint.StaticPart joinPoint, java.util.function.Supplier<T> resolution) {
            int id = joinPoint.getId();
            if (id < entries.length && entries[id] != null) {
                return entries[id];
            }
            WeakIdentityCache.Entry<T> entry = new WeakIdentityCache.Entry<>(joinPoint, resolution.get());
            entries = Arrays.copyOf(entries, Math.max(entries.length, id + 1));
            entries[id] = entry;
            return entry;
        }

        @SuppressWarnings("unchecked")
        private static <T> WeakIdentityCache.Entry<T>[] newEntries(int length) {
            return (WeakIdentityCache.Entry<T>[]) new WeakIdentityCache.Entry<?>[length];
        }
    }
}
