package dev.rollback.internal;

import dev.rollback.internal.CompensatePlan.Shape;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The signatures a {@code @Compensate} method would accept, written for error messages.
 */
final class Signatures {

    private Signatures() {
    }

    /** @return {@code static close(int)} */
    static String of(Method method) {
        return (Modifier.isStatic(method.getModifiers()) ? "static " : "") + method.getName()
                + Names.parameters(method.getParameterTypes());
    }

    /**
     * @return {@code a method of com.acme.Tabs (any visibility, not static), the first that fits of:
     *         closeTab(int, java.lang.String), closeTab(int), closeTab(java.lang.String), closeTab()}
     */
    static String accepted(Method original, String name) {
        Set<String> shapes = new LinkedHashSet<>();
        for (Shape shape : original.getReturnType() == void.class ? new Shape[] {Shape.ARGUMENTS, Shape.NOTHING}
                : new Shape[] {Shape.RESULT_AND_ARGUMENTS, Shape.RESULT, Shape.ARGUMENTS, Shape.NOTHING}) {
            shapes.add(name + Names.parameters(CompensateBinder.valueTypes(original, shape)));
        }
        return "a method of " + original.getDeclaringClass().getName() + " (any visibility, "
                + (Modifier.isStatic(original.getModifiers()) ? "static" : "not static") + "), the first that fits of: "
                + String.join(", ", shapes);
    }

    /** @return {@code handler = a class implementing CompensationHandler<java.lang.Integer> with a public no-arg constructor} */
    static String acceptedHandler(Method original) {
        Class<?> result = original.getReturnType();
        String typeArgument = result == void.class ? "?" : MethodType.methodType(result).wrap().returnType().getTypeName();
        return "handler = a class implementing dev.rollback.annotation.CompensationHandler<" + typeArgument
                + "> with a public no-arg constructor";
    }
}
