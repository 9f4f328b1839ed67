package dev.rollback.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How methods, types and call arguments are written in names, descriptions and messages.
 */
final class Names {

    private static final int MAX_ARGUMENT_LENGTH = 80;

    private Names() {
    }

    /** @return {@code com.acme.Tabs.open(java.lang.String)} */
    static String method(Method method) {
        return method.getDeclaringClass().getName() + '.' + method.getName() + parameters(method.getParameterTypes());
    }

    /** @return {@code (int, java.lang.String)} */
    static String parameters(Class<?>... types) {
        return Arrays.stream(types).map(Class::getTypeName).collect(Collectors.joining(", ", "(", ")"));
    }

    /** @return {@code Tabs.open}: the default operation name of a {@code @WithRollback} method */
    static String defaultOperationName(Method method) {
        return simpleName(method.getDeclaringClass()) + '.' + method.getName();
    }

    static String simpleName(Class<?> type) {
        String simple = type.getSimpleName();
        if (!simple.isEmpty()) {
            return simple;
        }
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** @return {@code Tabs.open(docs, 3)}: the default description of one recorded call */
    static String call(String prefix, Object[] args) {
        StringBuilder text = new StringBuilder(prefix).append('(');
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(argument(args[i]));
        }
        return text.append(')').toString();
    }

    private static String argument(Object value) {
        String text;
        try {
            text = value instanceof Object[] ? Arrays.deepToString((Object[]) value) : String.valueOf(value);
        } catch (RuntimeException | LinkageError e) {
            // A broken toString() must not cost the rollback its report; the failure is shown instead.
            text = '<' + value.getClass().getName() + ".toString() threw " + e + '>';
        }
        return text.length() <= MAX_ARGUMENT_LENGTH ? text : text.substring(0, MAX_ARGUMENT_LENGTH - 3) + "...";
    }
}
