package dev.rollback.benchmarks;

import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link BenchmarkMain} runs, from its arguments. The defaults: 5 rounds of one fork per
 * variant per scenario, each fork 3 × 1 s warm-up and 3 × 1 s measurement, every scenario and
 * variant. {@code --quick}: 3 rounds of 2 × 0.5 s + 2 × 0.5 s on {@link #QUICK_SCENARIOS} unless
 * scenarios are chosen; its figures are indicative only.
 *
 * @param rounds         how many rounds
 * @param warmups        warm-up iterations per fork
 * @param iterations     measurement iterations per fork
 * @param iterationTime  the length of each iteration, warm-up and measurement alike
 * @param include        JMH's regular expression for the benchmarks to run
 * @param scenarios      the scenarios to run; empty for all
 * @param variants       the variants to run beside the baselines; empty for all
 * @param out            the directory of the results
 * @param quick          whether {@code --quick} was given
 * @param command        the command to record with the results
 */
record RunSettings(int rounds, int warmups, int iterations, TimeValue iterationTime, String include,
                   Set<String> scenarios, Set<String> variants, Path out, boolean quick, String command) {

    static final String USAGE = "accepted: --quick, --rounds N, --warmup N, --iterations N, --time DURATION (e.g. 1s, 200ms),"
            + " --include REGEX, --scenarios NAME,..., --variants NAME,..., --out DIR, --command TEXT";
    static final List<String> QUICK_SCENARIOS = List.of("success-0", "success-1", "success-10", "no-scope", "failure-10");
    /** Every benchmark but {@code DurableBenchmark}, whose forks take minutes: {@code --include Durable} runs it. */
    static final String DEFAULT_INCLUDE = BenchmarkMain.class.getPackageName().replace(".", "\\.") + "\\.(?!Durable).*Benchmark\\..*";
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");

    /**
     * @param args the arguments of {@link BenchmarkMain}
     * @return the settings they ask for
     * @throws IllegalArgumentException naming the argument at fault and what is accepted
     */
    static RunSettings parse(String... args) {
        boolean quick = List.of(args).contains("--quick");
        int rounds = quick ? 3 : 5;
        int warmups = quick ? 2 : 3;
        int iterations = quick ? 2 : 3;
        TimeValue time = quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1);
        String include = DEFAULT_INCLUDE;
        Set<String> scenarios = quick ? new LinkedHashSet<>(QUICK_SCENARIOS) : Set.of();
        Set<String> variants = Set.of();
        Path out = Path.of("target", "benchmarks");
        String command = "BenchmarkMain " + String.join(" ", args);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--rounds" -> rounds = count(args, ++i);
                case "--warmup" -> warmups = count(args, ++i);
                case "--iterations" -> iterations = count(args, ++i);
                case "--time" -> time = duration(args, ++i);
                case "--include" -> include = value(args, ++i);
                case "--scenarios" -> scenarios = names(args, ++i, Comparison.SCENARIOS);
                case "--variants" -> variants = names(args, ++i, Comparison.VARIANTS);
                case "--out" -> out = Path.of(value(args, ++i));
                case "--command" -> command = value(args, ++i);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
            }
        }
        return new RunSettings(rounds, warmups, iterations, time, include, Set.copyOf(scenarios), Set.copyOf(variants),
                out, quick, command);
    }

    /** @return e.g. {@code 5 rounds, each fork 3 x 1 s warm-up + 3 x 1 s measurement} */
    String describe() {
        return String.format(Locale.ROOT, "%d round%s, each fork %d x %s warm-up + %d x %s measurement", rounds,
                rounds == 1 ? "" : "s", warmups, iterationTime, iterations, iterationTime);
    }

    /** @return the seconds one fork spends iterating */
    double forkSeconds() {
        return (warmups + iterations) * iterationTime.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0;
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value; " + USAGE);
        }
        return args[index];
    }

    private static int count(String[] args, int index) {
        String text = value(args, index);
        String problem = args[index - 1] + " " + text + "; accepted: a whole number, 1 or more";
        int count;
        try {
            count = Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(problem, notANumber);
        }
        if (count < 1) {
            throw new IllegalArgumentException(problem);
        }
        return count;
    }

    private static TimeValue duration(String[] args, int index) {
        String text = value(args, index);
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException(args[index - 1] + " " + text
                    + "; accepted: a positive whole number of milliseconds or seconds, e.g. 200ms, 1s");
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("s") ? TimeValue.seconds(amount) : TimeValue.milliseconds(amount);
    }

    private static Set<String> names(String[] args, int index, List<String> known) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : value(args, index).split(",", -1)) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(args[index - 1] + ": unknown name '" + name + "'; accepted: "
                        + String.join(", ", known) + ", separated by commas");
            }
            names.add(name);
        }
        return names;
    }
}
