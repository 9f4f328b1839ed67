package dev.rollback.internal;

import dev.rollback.annotation.CompensationHandler;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Creates the handler of a {@code @Compensate(handler = ...)} method, once, and checks that it
 * can take the method's result.
 */
final class HandlerBinder {

    private HandlerBinder() {
    }

    static CompensatePlan bind(Method original, CompensateSpec spec, CompensateBinder.Problem problem) {
        Class<?> type = spec.handler();
        String name = type.getName();
        if (!CompensationHandler.class.isAssignableFrom(type)) {
            return problem.invalid(name + " does not implement " + CompensationHandler.class.getName(), problem.handler());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return problem.invalid(name + " is abstract and cannot be created", problem.handler());
        }
        Class<?> handles = handledType(type);
        Class<?> result = original.getReturnType();
        if (handles != null && result != void.class && !CompensateBinder.accepts(handles, result)) {
            return problem.invalid(name + " handles " + handles.getTypeName() + ", which cannot take the "
                    + result.getTypeName() + " that " + original.getName() + " returns", problem.handler());
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            return problem.invalid(name + " has no public no-arg constructor", problem.handler());
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            constructor.setAccessible(true);
        }
        try {
            return CompensatePlan.handler(original, spec, cast(constructor.newInstance()));
        } catch (InvocationTargetException e) {
            return problem.invalid("the constructor of " + name + " threw " + e.getCause(), problem.handler(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return problem.invalid(name + " could not be created: " + e, problem.handler(), e);
        }
    }

    /** @return the type argument {@code R} the handler declares for {@link CompensationHandler}, or {@code null} */
    private static Class<?> handledType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type generic : c.getGenericInterfaces()) {
                if (generic instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == CompensationHandler.class) {
                    Type argument = parameterized.getActualTypeArguments()[0];
                    if (argument instanceof Class<?> handled) {
                        return handled;
                    }
                    if (argument instanceof ParameterizedType raw && raw.getRawType() instanceof Class<?> handled) {
                        return handled;
                    }
                    return null; // a type variable or wildcard: checked when it is called
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static CompensationHandler<Object> cast(Object handler) {
        return (CompensationHandler<Object>) handler;
    }

}
