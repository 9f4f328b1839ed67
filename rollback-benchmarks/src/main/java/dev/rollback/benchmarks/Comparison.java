package dev.rollback.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the rounds of a run into the published comparisons. In each round every variant of a
 * scenario ran in one fork, back to back with the others, so each round gives one ratio of a
 * variant's time to hand-written code's; a ratio is the median over the rounds, with its spread
 * ({@link Spread}). Lines: {@code NS} (each variant's ns/op), {@code RATIO} (over hand-written code,
 * and for the failure path also over its timed limit), {@code ALLOC} (bytes per operation beyond
 * hand-written code's, from the GC profiler); plus the same as a Markdown table.
 */
final class Comparison {

    static final List<String> SCENARIOS = List.of("success-0", "success-1", "success-10", "no-scope", "failure-10",
            "failure-1000", "nested-3", "failure-10-fresh", "failure-1000-fresh", "fan-out-8", "fan-out-8-failure",
            "durable-success-1-each_record", "durable-success-10-each_record", "durable-success-1-group_commit",
            "durable-success-10-group_commit", "durable-success-1-write_only", "durable-success-10-write_only");
    static final List<String> VARIANTS = List.of("ajc", "agent", "programmatic", "spring");
    static final String BASELINE = "handwritten";
    /** The failure path's honest limit ({@link TimedHandwritten}). */
    static final String LIMIT = "limit";
    /** The variants also compared to {@link #LIMIT}. */
    static final List<String> AGAINST_LIMIT = List.of("ajc", "agent", "programmatic");

    /** A measured fork: time per operation and bytes allocated per operation. */
    record Measure(double nanos, double bytes) {
    }

    /** A benchmark's {@code @Param} values by name. */
    interface Params {
        /** @return the value of parameter {@code name}, or {@code null} */
        String getParam(String name);
    }

    /** Per scenario, per variant, one measure per round in round order. */
    private final Map<String, Map<String, List<Measure>>> byScenario = new LinkedHashMap<>();

    /** Adds the next round's measure of a variant. */
    void add(String scenario, String variant, Measure measure) {
        byScenario.computeIfAbsent(scenario, s -> new LinkedHashMap<>()).computeIfAbsent(variant, v -> new ArrayList<>())
                .add(measure);
    }

    /** @return the scenario a benchmark method with these parameters measures, as named in the published lines */
    static String scenario(String benchmark, Params params) {
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

    /** @return the per-round ratios of {@code variant}'s time to {@code baseline}'s, or {@code null} when one is missing */
    Spread ratio(String scenario, String variant, String baseline) {
        Map<String, List<Measure>> measures = byScenario.getOrDefault(scenario, Map.of());
        List<Measure> over = measures.get(variant);
        List<Measure> under = measures.get(baseline);
        if (over == null || under == null) {
            return null;
        }
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(over.size(), under.size()); round++) {
            ratios.add(over.get(round).nanos() / under.get(round).nanos());
        }
        return Spread.of(ratios);
    }

    /** @return the variant's ns/op over the rounds, or {@code null} when it was not measured */
    Spread nanos(String scenario, String variant) {
        List<Measure> measures = byScenario.getOrDefault(scenario, Map.of()).get(variant);
        return measures == null ? null : Spread.of(measures.stream().map(Measure::nanos).toList());
    }

    /** @return the median of the variant's B/op over the rounds (the GC profiler's count is deterministic) */
    long bytes(String scenario, String variant) {
        List<Double> bytes = byScenario.get(scenario).get(variant).stream().map(Measure::bytes).toList();
        return Math.round(Spread.medianOf(bytes));
    }

    /** @return the {@code NS} lines, then the {@code RATIO} lines, then the {@code ALLOC} lines */
    List<String> lines() {
        List<String> nanos = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        List<String> allocations = new ArrayList<>();
        for (String scenario : scenarios()) {
            Map<String, List<Measure>> measures = byScenario.get(scenario);
            measures.keySet().forEach(v -> nanos.add("NS " + scenario + " " + v + " " + nanos(scenario, v).describe()));
            if (!measures.containsKey(BASELINE)) {
                continue;
            }
            for (String variant : compared(measures)) {
                ratios.add(ratioLine(scenario, variant, BASELINE));
                if (AGAINST_LIMIT.contains(variant) && measures.containsKey(LIMIT)) {
                    ratios.add(ratioLine(scenario, variant, LIMIT));
                }
                allocations.add(String.format(Locale.ROOT, "ALLOC %s %s %d", scenario, variant,
                        bytes(scenario, variant) - bytes(scenario, BASELINE)));
            }
        }
        nanos.addAll(ratios);
        nanos.addAll(allocations);
        return nanos;
    }

    private String ratioLine(String scenario, String variant, String baseline) {
        return "RATIO " + scenario + " " + variant + "/" + baseline + " " + ratio(scenario, variant, baseline).describe();
    }

    /** @return a Markdown table: per scenario and variant, ns/op, B/op, and the ratios with their spread */
    String markdown() {
        StringBuilder table = new StringBuilder("| scenario | variant | ns/op | B/op | / hand-written | spread | / limit | spread |\n"
                + "|---|---|---:|---:|---:|---|---:|---|\n");
        for (String scenario : scenarios()) {
            for (String variant : byScenario.get(scenario).keySet()) {
                Spread nanos = nanos(scenario, variant);
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | %d |", scenario, variant, decimal(nanos.median()),
                        bytes(scenario, variant)));
                table.append(cells(ratio(scenario, variant, BASELINE), variant.equals(BASELINE)));
                table.append(cells(AGAINST_LIMIT.contains(variant) ? ratio(scenario, variant, LIMIT) : null,
                        variant.equals(LIMIT))).append('\n');
            }
        }
        return table.toString();
    }

    private static String cells(Spread ratio, boolean itself) {
        if (itself || ratio == null) {
            return " | |";
        }
        return String.format(Locale.ROOT, " %.2f | %+.1f%% %+.1f%%, %s |", ratio.median(), ratio.belowPercent(),
                ratio.abovePercent(), ratio.stability());
    }

    /** @return the measured scenarios, in {@link #SCENARIOS} order, then any other */
    private List<String> scenarios() {
        List<String> ordered = new ArrayList<>(SCENARIOS.stream().filter(byScenario::containsKey).toList());
        byScenario.keySet().stream().filter(s -> !ordered.contains(s)).forEach(ordered::add);
        return ordered;
    }

    /** @return the variants compared to hand-written code: the limit, then {@link #VARIANTS}, then any other */
    private static List<String> compared(Map<String, List<Measure>> measures) {
        List<String> compared = new ArrayList<>();
        measures.keySet().stream().filter(LIMIT::equals).forEach(compared::add);
        VARIANTS.stream().filter(measures::containsKey).forEach(compared::add);
        measures.keySet().stream().filter(v -> !compared.contains(v) && !v.equals(BASELINE)).forEach(compared::add);
        return compared;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, value < 100 ? "%.2f" : "%.0f", value);
    }
}
