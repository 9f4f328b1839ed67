package dev.rollback.benchmarks;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark in one JMH run with the GC profiler, writes JMH's JSON, and prints the
 * comparisons. Started by {@code run.sh} in the module's directory (the agent forks find the agent
 * jar relative to it).
 *
 * <pre>
 * BenchmarkMain [--quick] [--include REGEX] [--out DIR]
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /**
     * @param args {@code --quick} for one short fork per benchmark; {@code --include} to run only
     *             matching benchmarks; {@code --out} for the directory of the JSON and Markdown results
     * @throws RunnerException when JMH fails
     * @throws IOException     when the results cannot be written
     */
    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = false;
        String include = BenchmarkMain.class.getPackageName() + "\\..*Benchmark\\..*";
        Path out = Path.of("target", "benchmarks");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--include" -> include = value(args, ++i);
                case "--out" -> out = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; accepted: --quick, --include REGEX, --out DIR");
            }
        }
        Files.createDirectories(out);
        Path json = out.resolve(quick ? "jmh-quick.json" : "jmh.json");
        Collection<RunResult> results = new Runner(options(quick, include, json).build()).run();
        Comparison comparison = new Comparison(results);
        System.out.println();
        System.out.println("JMH results: " + json);
        comparison.lines().forEach(System.out::println);
        Files.writeString(out.resolve(quick ? "table-quick.md" : "table.md"), comparison.markdown());
    }

    /** The published settings, or, with {@code quick}, one short fork each: about 5 minutes on 2 cores. */
    static ChainedOptionsBuilder options(boolean quick, String include, Path json) {
        return new OptionsBuilder()
                .include(include)
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .threads(1)
                .forks(quick ? 1 : 2)
                .warmupIterations(quick ? 3 : 5)
                .warmupTime(quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1))
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
