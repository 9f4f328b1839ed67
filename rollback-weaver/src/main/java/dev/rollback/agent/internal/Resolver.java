package dev.rollback.agent.internal;

import dev.rollback.CompensationConfigurationException;

import dev.rollback.annotation.CompensationHandler;
import dev.rollback.annotation.Propagation;
import dev.rollback.internal.CompensateBinder;
import dev.rollback.internal.CompensatePlan;
import dev.rollback.internal.CompensateSpec;
import dev.rollback.internal.ScopePolicy;
import dev.rollback.internal.Weaving;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Resolves an advised method, at its first call, the way the AspectJ aspects do: annotated methods
 * through {@link Weaving}, so that messages are the same word for word; rules through the engine's
 * binder with the rule's attributes.
 */
final class Resolver {

    private Resolver() {
    }

    /** @return a {@link ScopePolicy}, a {@link CompensatePlan}, or the message of a misconfigured rule */
    static Object resolve(Class<?> type, AdvisedMethods.Entry entry) {
        Method method = find(type, entry);
        Rule rule = entry.rule();
        if (entry.kind() == Rule.Kind.WITH_ROLLBACK) {
            return rule == null ? annotatedPolicy(method) : policy(method, rule);
        }
        return rule == null ? Weaving.plan(method) : plan(method, rule);
    }

    private static Method find(Class<?> type, AdvisedMethods.Entry entry) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(entry.methodName()) && MethodType.methodType(method.getReturnType(),
                    method.getParameterTypes()).toMethodDescriptorString().equals(entry.descriptor())) {
                return method;
            }
        }
        throw new IllegalStateException(type.getName() + " has no method " + entry.methodName() + entry.descriptor()
                + ", although the agent advised one in a class of that name");
    }

    /** @return the policy, or the message of its configuration error, raised by the advice on every call */
    private static Object annotatedPolicy(Method method) {
        try {
            return Weaving.policy(method);
        } catch (CompensationConfigurationException e) {
            return e.getMessage();
        }
    }

    private static Object policy(Method method, Rule rule) {
        String name = rule.attribute("name", ScopePolicy.defaultName(method));
        try {
            return ScopePolicy.of(method, name, throwables(method, rule.attribute("rollbackFor", "")),
                    throwables(method, rule.attribute("noRollbackFor", "")),
                    Propagation.valueOf(rule.attribute("propagation", Propagation.NESTED.name())),
                    Boolean.parseBoolean(rule.attribute("parallelCompensation", "false")),
                    Boolean.parseBoolean(rule.attribute("durable", "false")));
        } catch (CompensationConfigurationException e) {
            return "with-rollback rule (" + rule.location() + "): " + e.getMessage();
        } catch (UnusableClass e) {
            return "with-rollback rule (" + rule.location() + ") on " + describe(method) + ": " + e.getMessage()
                    + "; accepted: classes extending java.lang.Throwable that " + describe(method.getDeclaringClass())
                    + " can see";
        }
    }

    private static Class<?>[] throwables(Method method, String names) throws UnusableClass {
        if (names.isEmpty()) {
            return new Class<?>[0];
        }
        String[] split = names.split(",");
        Class<?>[] types = new Class<?>[split.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = load(method, split[i]);
            if (!Throwable.class.isAssignableFrom(types[i])) {
                throw new UnusableClass(split[i] + " is not a java.lang.Throwable", null);
            }
        }
        return types;
    }

    private static CompensatePlan plan(Method method, Rule rule) {
        Class<?> handler = null;
        String handlerName = rule.attribute("handler", "");
        if (!handlerName.isEmpty()) {
            try {
                handler = load(method, handlerName);
            } catch (UnusableClass e) {
                return CompensatePlan.invalid("compensate rule (" + rule.location() + ") on " + describe(method) + ": "
                        + e.getMessage() + "; accepted: a class implementing " + CompensationHandler.class.getName()
                        + " that " + describe(method.getDeclaringClass()) + " can see");
            }
        }
        return CompensateBinder.bind(method, new CompensateSpec(rule.attribute("by", ""), handler,
                Integer.parseInt(rule.attribute("priority", "0")), Long.parseLong(rule.attribute("timeoutMillis", "0")),
                Integer.parseInt(rule.attribute("retries", "0")), rule.attribute("description", "")));
    }

    private static Class<?> load(Method method, String name) throws UnusableClass {
        try {
            return Class.forName(name, false, method.getDeclaringClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new UnusableClass("there is no class " + name, e);
        }
    }

    /** A class a rule names that cannot serve: missing, or of the wrong kind. */
    private static final class UnusableClass extends Exception {

        private static final long serialVersionUID = 1L;

        UnusableClass(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static String describe(Class<?> type) {
        return type.getName() + "'s class loader";
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + '.' + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getTypeName).collect(Collectors.joining(", ", "(", ")"));
    }
}
