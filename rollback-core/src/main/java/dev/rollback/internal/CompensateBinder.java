package dev.rollback.internal;

import dev.rollback.annotation.Compensate;
import dev.rollback.internal.CompensatePlan.Shape;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves a {@code @Compensate} method into a {@link CompensatePlan}, once per method: finds the
 * compensating method by the binding rules (or creates the handler) and prepares a
 * {@link MethodHandle} for it, so that nothing reflective happens per call.
 */
public final class CompensateBinder {

    private static final MethodCache<CompensatePlan> PLANS = new MethodCache<>(CompensateBinder::resolve);

    private CompensateBinder() {
    }

    /**
     * @param method a method carrying {@code @Compensate}
     * @return its plan, resolved on the first call and cached with the method's class
     */
    public static CompensatePlan plan(Method method) {
        return PLANS.get(method);
    }

    private static CompensatePlan resolve(Method method) {
        Compensate annotation = method.getAnnotation(Compensate.class);
        if (annotation == null) {
            return CompensatePlan.invalid(Names.method(method) + " carries no @Compensate; accepted: a method annotated"
                    + " with @Compensate, or one named by a compensate rule");
        }
        return bind(method, CompensateSpec.of(annotation));
    }

    /**
     * Resolves a method with the given attributes, uncached: for rules-file entries, whose
     * attributes are not on the method.
     *
     * @param method the method to compensate
     * @param spec   its attributes
     * @return its plan; an {@linkplain CompensatePlan#invalid invalid} one when misconfigured
     */
    public static CompensatePlan bind(Method method, CompensateSpec spec) {
        Problem problem = new Problem(method, spec);
        if (spec.timeoutMillis() < 0) {
            return problem.invalid("timeoutMillis is " + spec.timeoutMillis(), "0 (no limit) or more");
        }
        if (spec.retries() < 0) {
            return problem.invalid("retries is " + spec.retries(), "0 or more");
        }
        boolean hasBy = !spec.by().isEmpty();
        if (hasBy && spec.handler() != null) {
            return problem.invalid("both value and handler are given", "exactly one of " + problem.either());
        }
        if (!hasBy && spec.handler() == null) {
            return problem.invalid("neither value nor handler is given", "exactly one of " + problem.either());
        }
        return hasBy ? bindMethod(method, spec, problem) : HandlerBinder.bind(method, spec, problem);
    }

    private static CompensatePlan bindMethod(Method original, CompensateSpec spec, Problem problem) {
        boolean isStatic = Modifier.isStatic(original.getModifiers());
        List<Method> named = Arrays.stream(original.getDeclaringClass().getDeclaredMethods())
                .filter(m -> m.getName().equals(spec.by()) && !m.isSynthetic() && !m.isBridge())
                .sorted((a, b) -> Names.parameters(a.getParameterTypes()).compareTo(Names.parameters(b.getParameterTypes())))
                .toList();
        List<Method> candidates = named.stream().filter(m -> Modifier.isStatic(m.getModifiers()) == isStatic).toList();
        for (Shape shape : shapes(original)) {
            Class<?>[] values = valueTypes(original, shape);
            List<Method> fits = candidates.stream().filter(m -> fits(m.getParameterTypes(), values)).toList();
            if (fits.size() > 1) {
                return problem.invalid(fits.size() + " methods fit equally as " + shapeText(shape) + ": "
                        + fits.stream().map(Signatures::of).collect(Collectors.joining(", ")), "only " + problem.methods());
            }
            if (fits.size() == 1) {
                return bound(original, spec, shape, fits.get(0), problem);
            }
        }
        String found = named.isEmpty() ? "its class declares no method named " + spec.by()
                : "no method named " + spec.by() + " fits; found: "
                + named.stream().map(m -> Signatures.found(m, isStatic)).collect(Collectors.joining(", "));
        return problem.invalid(found, problem.methods());
    }

    private static CompensatePlan bound(Method original, CompensateSpec spec, Shape shape, Method target, Problem problem) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(target.getDeclaringClass(), MethodHandles.lookup());
            MethodHandle handle = lookup.unreflect(target);
            int arity = target.getParameterCount();
            boolean isStatic = Modifier.isStatic(target.getModifiers());
            MethodHandle generic = handle.asType(MethodType.genericMethodType(arity + (isStatic ? 0 : 1)));
            MethodHandle spread = generic.asSpreader(Object[].class, arity);
            MethodHandle direct = arity <= CompensatePlan.MAX_DIRECT_ARITY ? generic : null;
            if (isStatic) {
                spread = MethodHandles.dropArguments(spread, 0, Object.class);
                direct = direct == null ? null : MethodHandles.dropArguments(direct, 0, Object.class);
            }
            return CompensatePlan.method(original, spec, shape, spread, direct);
        } catch (IllegalAccessException e) {
            return problem.invalid(Signatures.of(target) + " is not accessible to Rollback (" + e.getMessage() + ")",
                    "a compensating method in a package open to Rollback's module (dev.rollback.core)", e);
        }
    }

    private static List<Shape> shapes(Method original) {
        return original.getReturnType() == void.class ? List.of(Shape.ARGUMENTS, Shape.NOTHING)
                : List.of(Shape.RESULT_AND_ARGUMENTS, Shape.RESULT, Shape.ARGUMENTS, Shape.NOTHING);
    }

    static Class<?>[] valueTypes(Method original, Shape shape) {
        Class<?>[] args = original.getParameterTypes();
        return switch (shape) {
            case RESULT_AND_ARGUMENTS -> {
                Class<?>[] values = new Class<?>[args.length + 1];
                values[0] = original.getReturnType();
                System.arraycopy(args, 0, values, 1, args.length);
                yield values;
            }
            case RESULT -> new Class<?>[] {original.getReturnType()};
            case ARGUMENTS -> args;
            case NOTHING, HANDLER -> new Class<?>[0];
        };
    }

    private static String shapeText(Shape shape) {
        return switch (shape) {
            case RESULT_AND_ARGUMENTS -> "(result, arguments)";
            case RESULT -> "(result)";
            case ARGUMENTS -> "(arguments)";
            case NOTHING, HANDLER -> "()";
        };
    }

    private static boolean fits(Class<?>[] parameters, Class<?>[] values) {
        if (parameters.length != values.length) {
            return false;
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!accepts(parameters[i], values[i])) {
                return false;
            }
        }
        return true;
    }

    /** Assignability with boxing and unboxing, but no primitive widening. */
    static boolean accepts(Class<?> parameter, Class<?> value) {
        if (parameter == value) {
            return true;
        }
        if (parameter.isPrimitive()) {
            return value == MethodType.methodType(parameter).wrap().returnType();
        }
        Class<?> boxed = value.isPrimitive() ? MethodType.methodType(value).wrap().returnType() : value;
        return parameter.isAssignableFrom(boxed);
    }

    /** Writes the messages of a method that cannot be compensated as configured. */
    static final class Problem {

        private final Method method;
        private final CompensateSpec spec;

        Problem(Method method, CompensateSpec spec) {
            this.method = method;
            this.spec = spec;
        }

        CompensatePlan invalid(String what, String accepted) {
            return invalid(what, accepted, null);
        }

        CompensatePlan invalid(String what, String accepted, Throwable cause) {
            return CompensatePlan.invalid(spec.annotationText() + " on " + Names.method(method) + ": " + what
                    + ". Accepted: " + accepted, cause);
        }

        String methods() {
            return Signatures.accepted(method, spec.by().isEmpty() ? "<name>" : spec.by());
        }

        String handler() {
            return Signatures.acceptedHandler(method);
        }

        String either() {
            return "value = " + methods() + "; or " + handler();
        }
    }
}
