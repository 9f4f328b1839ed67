package dev.rollback.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * What was resolved per method, computed once. Held in a {@link ClassValue} of the method's class,
 * so that the cache never keeps a class (or its class loader) alive.
 *
 * @param <T> what is resolved
 */
final class MethodCache<T> {

    private final Function<Method, T> resolver;
    private final ClassValue<ConcurrentMap<Method, T>> byClass = new ClassValue<>() {
        @Override
        protected ConcurrentMap<Method, T> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    MethodCache(Function<Method, T> resolver) {
        this.resolver = resolver;
    }

    T get(Method method) {
        return byClass.get(method.getDeclaringClass()).computeIfAbsent(method, resolver);
    }
}
