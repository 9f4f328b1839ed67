package dev.rollback.durable.internal;

import java.lang.reflect.Method;

/** JVM method descriptors, which name a method's overload exactly. */
public final class Descriptors {

    private Descriptors() {
    }

    /**
     * @param method a method
     * @return its descriptor, e.g. {@code (Ljava/lang/String;[I)V}
     */
    public static String of(Method method) {
        StringBuilder descriptor = new StringBuilder("(");
        for (Class<?> parameter : method.getParameterTypes()) {
            descriptor.append(parameter.descriptorString());
        }
        return descriptor.append(')').append(method.getReturnType().descriptorString()).toString();
    }
}
