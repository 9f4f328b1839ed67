package dev.rollback.benchmarks;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs the rounds: in each, for each scenario, one JMH fork of each variant, back to back, in an
 * order rotated from round to round ({@link RoundRobin}), so that a machine drifting (another
 * build, a thermal step, a noisy neighbour) moves every variant of a round alike and cancels out
 * of the round's ratios. Each fork is one call of JMH's {@link Runner}, narrowed to one benchmark
 * method and one set of parameters. JMH's own output goes to {@code round-N.log}, its results to
 * {@code jmh-round-N.json}.
 */
final class Rounds {

    /** About what a fork costs beyond its iterations (JVM start, fixtures, JMH), for the estimate printed up front. */
    static final double FORK_OVERHEAD_SECONDS = 1.5;

    private final RunSettings settings;
    private final List<Cases.Case> cases;
    private final Consumer<String> progress;

    Rounds(RunSettings settings, List<Cases.Case> cases, Consumer<String> progress) {
        this.settings = settings;
        this.cases = cases;
        this.progress = progress;
    }

    /** @return how many forks the run starts */
    int forks() {
        return settings.rounds() * cases.stream().mapToInt(c -> c.variants().size()).sum();
    }

    /** @return the run's expected length in minutes, from {@link #FORK_OVERHEAD_SECONDS} */
    double estimatedMinutes() {
        return forks() * (settings.forkSeconds() + FORK_OVERHEAD_SECONDS) / 60;
    }

    /**
     * @return every fork's measure
     * @throws RunnerException when a fork fails
     * @throws IOException     when a round's log or JSON cannot be written
     */
    Comparison run() throws RunnerException, IOException {
        Comparison comparison = new Comparison();
        long start = System.nanoTime();
        int fork = 0;
        for (int round = 0; round < settings.rounds(); round++) {
            List<RunResult> results = new ArrayList<>();
            Path log = settings.out().resolve("round-" + (round + 1) + ".log");
            try (PrintStream jmhOutput = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                for (Cases.Case found : cases) {
                    for (String variant : RoundRobin.order(found.variants(), round)) {
                        RunResult result = runFork(found, variant, jmhOutput);
                        results.add(result);
                        Comparison.Measure measure = measure(result);
                        comparison.add(found.scenario(), variant, measure);
                        progress.accept(String.format(Locale.ROOT, "round %d/%d  %-18s %-12s %10.2f ns/op %8d B/op  [fork %d/%d, %s]",
                                round + 1, settings.rounds(), found.scenario(), variant, measure.nanos(),
                                Math.round(measure.bytes()), ++fork, forks(), elapsed(start)));
                    }
                }
            }
            Path json = settings.out().resolve("jmh-round-" + (round + 1) + ".json");
            ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
        }
        return comparison;
    }

    private RunResult runFork(Cases.Case found, String variant, PrintStream jmhOutput) throws RunnerException {
        Collection<RunResult> results = new Runner(options(found, variant).build(),
                OutputFormatFactory.createFormatInstance(jmhOutput, VerboseMode.NORMAL)).run();
        if (results.size() != 1) {
            throw new IllegalStateException(found.type() + "." + variant + " " + found.params() + " gave " + results.size()
                    + " results; expected exactly 1: one benchmark method, one set of parameters");
        }
        return results.iterator().next();
    }

    /** One fork of one benchmark method with one set of parameters, with the GC profiler. */
    ChainedOptionsBuilder options(Cases.Case found, String variant) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(found.type() + "." + variant) + "$")
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .threads(1)
                .forks(1)
                .warmupForks(0)
                .warmupIterations(settings.warmups())
                .warmupTime(settings.iterationTime())
                .measurementIterations(settings.iterations())
                .measurementTime(settings.iterationTime())
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        found.params().forEach(options::param);
        return options;
    }

    private static Comparison.Measure measure(RunResult result) {
        double bytes = result.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(e -> e.getValue().getScore())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(result.getParams().getBenchmark()
                        + " has no gc.alloc.rate.norm: run with the GC profiler"));
        return new Comparison.Measure(result.getPrimaryResult().getScore(), bytes);
    }

    private static String elapsed(long start) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
