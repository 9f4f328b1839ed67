package dev.rollback.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * README's Performance section, written from recorded runs (one per JDK, side by side) so that
 * nobody types its numbers: {@code run.sh --readme DIR...} copies each run's {@code results.txt}
 * to {@code rollback-benchmarks/results/jdk-N.txt} and writes the section between
 * {@link #BEGIN} and {@link #END}; a test checks that README's section is what the recorded
 * files give.
 */
final class ReadmeSection {

    static final String BEGIN = "<!-- performance:begin -->";
    static final String END = "<!-- performance:end -->";
    private static final String RECORDED = "rollback-benchmarks/results/";

    /** A row of the table: its label, the scenario, the baseline ratios are taken over. */
    private record Row(String label, String scenario, String baseline) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("success, 0 compensations", "success-0", Comparison.BASELINE),
            new Row("success, 1 compensation", "success-1", Comparison.BASELINE),
            new Row("success, 10 compensations", "success-10", Comparison.BASELINE),
            new Row("`@Compensate` call with no scope (over a plain call)", "no-scope", Comparison.BASELINE),
            new Row("failure, 10 compensations", "failure-10", Comparison.BASELINE),
            new Row("failure, 10, over the timed limit", "failure-10", Comparison.LIMIT),
            new Row("failure, 1,000 compensations", "failure-1000", Comparison.BASELINE),
            new Row("failure, 1,000, over the timed limit", "failure-1000", Comparison.LIMIT),
            new Row("3 nested scopes", "nested-3", Comparison.BASELINE),
            new Row("fan-out to 8 pool tasks", "fan-out-8", Comparison.BASELINE));

    private ReadmeSection() {
    }

    /**
     * {@code ReadmeSection README RECORDED_DIR RUN_DIR...}: records each run's results in
     * {@code RECORDED_DIR} (replacing what was there) and rewrites README's section from them.
     *
     * @param args the README, the directory of recorded results, the directories of one run per JDK
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("arguments " + List.of(args)
                    + "; accepted: README RECORDED_DIR RUN_DIR... (one run directory per JDK, each with " + Results.FILE + ")");
        }
        Path recorded = Path.of(args[1]);
        List<Results> runs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            runs.add(Results.read(Path.of(args[i]).resolve(Results.FILE)));
        }
        record(recorded, runs, Stream.of(args).skip(2).map(d -> Path.of(d).resolve(Results.FILE)).toList());
        Path readme = Path.of(args[0]);
        Files.writeString(readme, splice(Files.readString(readme), format(recorded(recorded))));
        System.out.println("README's performance section written from " + recorded + ": " + readme);
    }

    private static void record(Path recorded, List<Results> runs, List<Path> files) throws IOException {
        Set<Integer> features = new LinkedHashSet<>();
        runs.forEach(r -> features.add(r.feature()));
        if (features.size() != runs.size()) {
            throw new IllegalArgumentException("two runs of the same JDK among " + files + "; accepted: one run per JDK");
        }
        Files.createDirectories(recorded);
        try (Stream<Path> old = Files.list(recorded)) {
            for (Path file : old.filter(ReadmeSection::isRecorded).toList()) {
                Files.delete(file);
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            Files.copy(files.get(i), recorded.resolve("jdk-" + runs.get(i).feature() + ".txt"));
        }
    }

    /**
     * @param recorded the directory of recorded results
     * @return the runs recorded there, oldest JDK first
     * @throws IOException when one cannot be read
     */
    static List<Results> recorded(Path recorded) throws IOException {
        List<Results> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(recorded)) {
            for (Path file : files.filter(ReadmeSection::isRecorded).toList()) {
                runs.add(Results.read(file));
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(recorded + " holds no jdk-N.txt; accepted: the results run.sh --readme records");
        }
        runs.sort(Comparator.comparingInt(Results::feature));
        return runs;
    }

    private static boolean isRecorded(Path file) {
        return file.getFileName().toString().matches("jdk-\\d+\\.txt");
    }

    /**
     * @param runs one run per JDK, in column order
     * @return the section's lines between the markers, each ending in a newline
     */
    static String format(List<Results> runs) {
        String jdks = runs.stream().map(r -> String.valueOf(r.feature())).collect(Collectors.joining(" / "));
        StringBuilder text = new StringBuilder()
                .append("Ratios to hand-written code doing the same job, JDK ").append(jdks)
                .append(": the median over rounds of interleaved forks; ±N% when a round lay more than 5% from it.\n\n")
                .append("| scenario | hand-written, ns | ajc | agent |\n|---|---:|---:|---:|\n");
        for (Row row : ROWS) {
            if (runs.stream().anyMatch(r -> r.ratios().containsKey(row.scenario() + " ajc/" + row.baseline()))) {
                text.append("| ").append(row.label()).append(" | ")
                        .append(cells(runs, r -> nanos(r.nanos().get(row.scenario() + " " + row.baseline())))).append(" | ")
                        .append(cells(runs, r -> ratio(r.ratios().get(row.scenario() + " ajc/" + row.baseline())))).append(" | ")
                        .append(cells(runs, r -> ratio(r.ratios().get(row.scenario() + " agent/" + row.baseline())))).append(" |\n");
            }
        }
        if (runs.stream().anyMatch(r -> r.startups().containsKey("agent/none"))) {
            text.append("| JVM start-up over a plain start, 600 advised methods | | ")
                    .append(cells(runs, r -> startup(r, "ajc/none"))).append(" | ")
                    .append(cells(runs, r -> startup(r, "agent/none"))).append(" |\n");
        }
        text.append('\n');
        runs.forEach(r -> text.append(String.format(Locale.ROOT, "JDK %d: `%s`, %s; %s; java %s, %s.%n", r.feature(),
                r.header().get("command"), r.header().get("settings"), r.header().get("machine"), r.header().get("java"),
                r.header().get("date"))));
        return text.append("\nWritten by `rollback-benchmarks/run.sh --readme DIR17 DIR25` from the runs recorded in `")
                .append(RECORDED).append("`. The method, every scenario and variant, bytes per operation and the history: ")
                .append("[docs/performance.md](docs/performance.md).\n").toString();
    }

    private static String cells(List<Results> runs, Function<Results, String> cell) {
        return runs.stream().map(cell).collect(Collectors.joining(" / "));
    }

    private static String nanos(Results.Figure figure) {
        if (figure == null) {
            return "–";
        }
        double ns = figure.median();
        return ns >= 10_000 ? String.format(Locale.ROOT, "%.1f µs", ns / 1000)
                : String.format(Locale.ROOT, ns < 10 ? "%.2f" : "%.0f", ns);
    }

    private static String ratio(Results.Figure figure) {
        if (figure == null) {
            return "–";
        }
        String median = String.format(Locale.ROOT, "%.2f", figure.median());
        return figure.stability().equals("unstable")
                ? median + String.format(Locale.ROOT, " ±%.0f%%", Math.max(-figure.below(), figure.above())) : median;
    }

    private static String startup(Results run, String key) {
        Double ratio = run.startups().get(key);
        return ratio == null ? "–" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    /**
     * @param readme  README's text
     * @param section the section's new lines
     * @return README with the lines between the markers replaced
     * @throws IllegalArgumentException when the markers are missing, repeated or out of order
     */
    static String splice(String readme, String section) {
        int begin = readme.indexOf(BEGIN + "\n");
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin || readme.indexOf(BEGIN, begin + 1) >= 0 || readme.indexOf(END, end + 1) >= 0) {
            throw new IllegalArgumentException("README must hold one line '" + BEGIN + "' and, after it, one line '"
                    + END + "'; the performance section is written between them");
        }
        return readme.substring(0, begin + BEGIN.length() + 1) + section + readme.substring(end);
    }

    /** @return README's lines between the markers, as {@link #splice} would replace them */
    static String current(String readme) {
        splice(readme, "");
        return readme.substring(readme.indexOf(BEGIN) + BEGIN.length() + 1, readme.indexOf(END));
    }
}
