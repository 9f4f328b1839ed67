package dev.rollback.benchmarks;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scenarios a run measures: each benchmark class and set of {@code @Param} values, with the
 * benchmark methods (variants) that measure it, as JMH's generated benchmark list has them.
 */
final class Cases {

    /** The variants every other is compared to, always run: hand-written code, and the failure path's timed limit. */
    static final List<String> BASELINES = List.of("handwritten", "limit");

    private Cases() {
    }

    /**
     * One scenario: a benchmark class with fixed parameters, and its variants, baselines first.
     *
     * @param scenario the scenario's published name
     * @param type     the benchmark class
     * @param params   its {@code @Param} values
     * @param variants its benchmark methods to run
     */
    record Case(String scenario, String type, Map<String, String> params, List<String> variants) {
    }

    /**
     * @param settings what to run
     * @return the cases JMH's benchmark list holds that match, in {@link Comparison#SCENARIOS} order
     * @throws IllegalArgumentException when nothing matches
     */
    static List<Case> find(RunSettings settings) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                VerboseMode.SILENT);
        Map<String, Case> cases = new LinkedHashMap<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(silent, List.of(settings.include()), List.of())) {
            String variant = entry.getUsername().substring(entry.getUsername().lastIndexOf('.') + 1);
            if (!selected(variant, settings.variants())) {
                continue;
            }
            for (Map<String, String> params : combinations(entry)) {
                String scenario = Comparison.scenario(entry.getUsername(), params::get);
                if (settings.scenarios().isEmpty() || settings.scenarios().contains(scenario)) {
                    cases.computeIfAbsent(scenario, s -> new Case(s, entry.getUserClassQName(), params, new ArrayList<>()))
                            .variants().add(variant);
                }
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no benchmark matches --include " + settings.include() + " with scenarios "
                    + settings.scenarios() + " and variants " + settings.variants()
                    + "; accepted: a JMH regular expression on benchmark names such as 'Success', scenarios among "
                    + Comparison.SCENARIOS);
        }
        return cases.values().stream().map(Cases::baselinesFirst).sorted(Comparator.comparingInt(Cases::rank)).toList();
    }

    private static boolean selected(String variant, Set<String> variants) {
        return variants.isEmpty() || BASELINES.contains(variant) || variants.contains(variant);
    }

    private static List<Map<String, String>> combinations(BenchmarkListEntry entry) {
        List<Map<String, String>> combinations = new ArrayList<>(List.of(new TreeMap<>()));
        if (!entry.getParams().hasValue()) {
            return combinations;
        }
        for (Map.Entry<String, String[]> param : new TreeMap<>(entry.getParams().get()).entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> prefix : combinations) {
                for (String value : param.getValue()) {
                    Map<String, String> extended = new TreeMap<>(prefix);
                    extended.put(param.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static Case baselinesFirst(Case found) {
        List<String> ordered = new ArrayList<>();
        BASELINES.stream().filter(found.variants()::contains).forEach(ordered::add);
        Comparison.VARIANTS.stream().filter(found.variants()::contains).forEach(ordered::add);
        found.variants().stream().filter(v -> !ordered.contains(v)).sorted().forEach(ordered::add);
        return new Case(found.scenario(), found.type(), Map.copyOf(found.params()), List.copyOf(ordered));
    }

    private static int rank(Case found) {
        int index = Comparison.SCENARIOS.indexOf(found.scenario());
        return index < 0 ? Comparison.SCENARIOS.size() : index;
    }
}
