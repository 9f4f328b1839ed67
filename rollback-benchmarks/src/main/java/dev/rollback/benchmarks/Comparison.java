package dev.rollback.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one JMH run into the published comparisons: each variant's time as a ratio to hand-written
 * code's in the same run ({@code RATIO}), and its bytes per operation beyond hand-written code's
 * ({@code ALLOC}), plus the same as a Markdown table.
 */
final class Comparison {

    static final List<String> SCENARIOS = List.of("success-0", "success-1", "success-10", "no-scope", "failure-10",
            "failure-1000", "nested-3", "failure-10-fresh", "failure-1000-fresh", "fan-out-8", "fan-out-8-failure",
            "durable-success-1-each_record", "durable-success-10-each_record", "durable-success-1-group_commit",
            "durable-success-10-group_commit", "durable-success-1-write_only", "durable-success-10-write_only");
    static final List<String> VARIANTS = List.of("ajc", "agent", "programmatic", "spring");
    private static final String BASELINE = "handwritten";

    /** A measured benchmark: time per operation and bytes allocated per operation. */
    record Measure(double nanos, double nanosError, double bytes) {
    }

    private final Map<String, Map<String, Measure>> byScenario = new LinkedHashMap<>();

    Comparison(Collection<RunResult> results) {
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String benchmark = params.getBenchmark();
            String variant = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Result<?> primary = result.getPrimaryResult();
            byScenario.computeIfAbsent(scenario(params), s -> new LinkedHashMap<>())
                    .put(variant, new Measure(primary.getScore(), primary.getScoreError(), allocated(result)));
        }
    }

    /** @return the scenario a benchmark with these parameters measures, as named in the published lines */
    static String scenario(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
        type = type.substring(type.lastIndexOf('.') + 1);
        return switch (type) {
            case "SuccessBenchmark" -> "success-" + params.getParam("compensations");
            case "NoScopeBenchmark" -> "no-scope";
            case "NestedBenchmark" -> "nested-3";
            case "FanOutBenchmark" -> "fan-out-" + params.getParam("tasks")
                    + (Boolean.parseBoolean(params.getParam("failing")) ? "-failure" : "");
            case "FailureBenchmark" -> "failure-" + params.getParam("compensations")
                    + (Boolean.parseBoolean(params.getParam("stackTrace")) ? "-fresh" : "");
            case "DurableBenchmark" -> "durable-success-" + params.getParam("compensations") + "-"
                    + params.getParam("sync").toLowerCase(Locale.ROOT);
            default -> throw new IllegalArgumentException("no scenario is named for benchmark " + benchmark);
        };
    }

    private static double allocated(RunResult result) {
        return result.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(e -> e.getValue().getScore())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(result.getParams().getBenchmark()
                        + " has no gc.alloc.rate.norm: run with the GC profiler"));
    }

    /** @return the {@code RATIO} lines, then the {@code ALLOC} lines, for every scenario measured with its baseline */
    List<String> lines() {
        List<String> ratios = new ArrayList<>();
        List<String> allocations = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            Map<String, Measure> measures = byScenario.get(scenario);
            if (measures == null || !measures.containsKey(BASELINE)) {
                continue;
            }
            Measure baseline = measures.get(BASELINE);
            for (String variant : VARIANTS) {
                Measure measure = measures.get(variant);
                if (measure != null) {
                    ratios.add(String.format(Locale.ROOT, "RATIO %s %s/%s %.2f", scenario, variant, BASELINE,
                            measure.nanos() / baseline.nanos()));
                    allocations.add(String.format(Locale.ROOT, "ALLOC %s %s %d", scenario, variant,
                            Math.round(measure.bytes() - baseline.bytes())));
                }
            }
        }
        ratios.addAll(allocations);
        return ratios;
    }

    /** @return a Markdown table: per scenario, hand-written ns/op and B/op, then each variant's ratio and B/op */
    String markdown() {
        StringBuilder table = new StringBuilder("| scenario | handwritten ns/op | B/op |");
        VARIANTS.forEach(v -> table.append(' ').append(v).append(" ratio | B/op |"));
        table.append("\n|---|---:|---:|");
        VARIANTS.forEach(v -> table.append("---:|---:|"));
        table.append('\n');
        for (String scenario : SCENARIOS) {
            Map<String, Measure> measures = byScenario.get(scenario);
            if (measures == null || !measures.containsKey(BASELINE)) {
                continue;
            }
            Measure baseline = measures.get(BASELINE);
            table.append(String.format(Locale.ROOT, "| %s | %s ± %s | %.0f |", scenario, decimal(baseline.nanos()),
                    decimal(baseline.nanosError()), baseline.bytes()));
            for (String variant : VARIANTS) {
                Measure measure = measures.get(variant);
                table.append(measure == null ? " | |" : String.format(Locale.ROOT, " %.2f | %.0f |",
                        measure.nanos() / baseline.nanos(), measure.bytes()));
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, value < 100 ? "%.2f" : "%.0f", value);
    }
}
