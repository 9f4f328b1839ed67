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

    /** @return {@code remove(java.lang.String) (not static)}: a method found, marked when its staticness is wrong */
    static String found(Method method, boolean staticWanted) {
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        return method.getName() + Names.parameters(method.getParameterTypes())
                + (isStatic == staticWanted ? "" : isStatic ? " (static)" : " (not static)");
    }

    /**
     * @return {@code one of closeTab(int, java.lang.String), closeTab(int), closeTab(java.lang.String),
     *         closeTab(), declared in the same class, any visibility, not static; the first that fits wins}
     */
    static String accepted(Method original, String name) {
        Set<String> shapes = new LinkedHashSet<>();
        for (Shape shape : original.getReturnType() == void.class ? new Shape[] {Shape.ARGUMENTS, Shape.NOTHING}
                : new Shape[] {Shape.RESULT_AND_ARGUMENTS, Shape.RESULT, Shape.ARGUMENTS, Shape.NOTHING}) {
            shapes.add(name + Names.parameters(CompensateBinder.valueTypes(original, shape)));
        }
        return "one of " + String.join(", ", shapes) + ", declared in the same class, any visibility, "
                + (Modifier.isStatic(original.getModifiers()) ? "static" : "not static") + "; the first that fits wins";
    }

    /** @return {@code handler = a class implementing CompensationHandler<java.lang.Integer> with a public no-arg constructor} */
    static String acceptedHandler(Method original) {
        Class<?> result = original.getReturnType();
        String typeArgument = result == void.class ? "?" : MethodType.methodType(result).wrap().returnType().getTypeName();
        return "handler = a class implementing dev.rollback.annotation.CompensationHandler<" + typeArgument
                + "> with a public no-arg constructor";
    }
}
