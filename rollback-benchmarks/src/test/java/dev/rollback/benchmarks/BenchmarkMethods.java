package dev.rollback.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Calls benchmark methods once each, as JMH would (fixtures set up, every combination of
 * {@code @Param} values), without measuring anything. Its {@code main} is what the smoke test runs
 * in a JVM started with the agent.
 */
final class BenchmarkMethods {

    static final List<Class<?>> BENCHMARKS = List.of(SuccessBenchmark.class, NoScopeBenchmark.class,
            FailureBenchmark.class, NestedBenchmark.class, FanOutBenchmark.class);

    private BenchmarkMethods() {
    }

    /**
     * @param args the name of the benchmark methods to run, e.g. {@code agent}
     * @throws Exception when one fails
     */
    public static void main(String[] args) throws Exception {
        List<String> ran = runAll(method -> method.getName().equals(args[0]));
        System.out.println("ran " + ran.size() + ": " + ran);
    }

    /** @return a description of every call made */
    static List<String> runAll(Predicate<Method> selected) throws Exception {
        List<String> ran = new ArrayList<>();
        for (Class<?> type : BENCHMARKS) {
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(Benchmark.class) && selected.test(method)) {
                    for (List<String> values : combinations(params(type))) {
                        ran.add(runOnce(type, method, values));
                    }
                }
            }
        }
        return ran;
    }

    private static String runOnce(Class<?> type, Method method, List<String> values) throws Exception {
        Object benchmark = type.getConstructor().newInstance();
        List<Field> params = params(type);
        for (int i = 0; i < params.size(); i++) {
            Field field = params.get(i);
            field.set(benchmark, field.getType() == int.class ? (Object) Integer.valueOf(values.get(i))
                    : (Object) Boolean.valueOf(values.get(i)));
        }
        List<Object> fixtures = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Object fixture = parameter.getType().getConstructor().newInstance();
            invokeAnnotated(fixture, Setup.class);
            fixtures.add(fixture);
        }
        Object result;
        try {
            result = method.invoke(benchmark, fixtures.toArray());
        } finally {
            for (Object fixture : fixtures) {
                invokeAnnotated(fixture, TearDown.class);
            }
        }
        if (result == null) {
            throw new AssertionError(type.getSimpleName() + '.' + method.getName() + values + " returned null");
        }
        return type.getSimpleName() + '.' + method.getName() + values;
    }

    private static void invokeAnnotated(Object target, Class<? extends java.lang.annotation.Annotation> annotation)
            throws IllegalAccessException, InvocationTargetException {
        for (Method method : target.getClass().getMethods()) {
            if (method.isAnnotationPresent(annotation)) {
                method.invoke(target);
            }
        }
    }

    private static List<Field> params(Class<?> type) {
        return Arrays.stream(type.getFields()).filter(f -> f.isAnnotationPresent(Param.class)).toList();
    }

    private static List<List<String>> combinations(List<Field> params) {
        List<List<String>> combinations = new ArrayList<>(List.of(List.of()));
        for (Field param : params) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String value : param.getAnnotation(Param.class).value()) {
                    List<String> extended = new ArrayList<>(prefix);
                    extended.add(value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }
}
