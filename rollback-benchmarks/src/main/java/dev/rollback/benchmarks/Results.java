package dev.rollback.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code results.txt}, as {@link BenchmarkMain} writes it (and {@code run.sh} appends the
 * start-up lines to): {@code key: value} lines saying where and how it ran, then the {@code NS},
 * {@code RATIO}, {@code ALLOC} and {@code STARTUP} lines. Read back to write README's table.
 *
 * @param header   the {@code key: value} lines: machine, java, date, command, settings, load
 * @param nanos    ns/op medians by {@code "scenario variant"}
 * @param ratios   ratios by {@code "scenario variant/baseline"}
 * @param allocations bytes per operation beyond hand-written code's, by {@code "scenario variant"}
 * @param startups start-up ratios by {@code "variant/none"}
 */
record Results(Map<String, String> header, Map<String, Figure> nanos, Map<String, Figure> ratios,
               Map<String, Long> allocations, Map<String, Double> startups) {

    /** The file's name in a run's directory. */
    static final String FILE = "results.txt";
    static final List<String> HEADER = List.of("machine", "java", "date", "command", "settings", "load");

    /**
     * A median and how far its rounds lay from it.
     *
     * @param median    the median over the rounds
     * @param below     the lowest round's distance below it, in percent (0 or negative)
     * @param above     the highest round's distance above it, in percent
     * @param stability {@code stable}, {@code unstable} or {@code unrated}
     */
    record Figure(double median, double below, double above, String stability) {
    }

    /** @return the header and lines of a run, as written to {@link #FILE} */
    static String write(Map<String, String> header, List<String> lines) {
        StringBuilder text = new StringBuilder();
        HEADER.forEach(key -> text.append(key).append(": ").append(header.get(key)).append('\n'));
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /**
     * @param file a {@link #FILE}
     * @return what it holds
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException naming the file and line that is not as {@link BenchmarkMain} writes it
     */
    static Results read(Path file) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, Figure> nanos = new LinkedHashMap<>();
        Map<String, Figure> ratios = new LinkedHashMap<>();
        Map<String, Long> allocations = new LinkedHashMap<>();
        Map<String, Double> startups = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] words = line.split(" ");
            try {
                switch (words[0]) {
                    case "NS" -> nanos.put(words[1] + " " + words[2], figure(words));
                    case "RATIO" -> ratios.put(words[1] + " " + words[2], figure(words));
                    case "STARTUP" -> startups.put(words[1], Double.parseDouble(words[2]));
                    case "ALLOC" -> allocations.put(words[1] + " " + words[2], Long.parseLong(words[3]));
                    default -> header(line, header);
                }
            } catch (RuntimeException malformed) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": '" + line + "'; accepted: the lines "
                        + BenchmarkMain.class.getSimpleName() + " writes (" + String.join(", ", HEADER)
                        + ": ..., then NS, RATIO, ALLOC and STARTUP lines)", malformed);
            }
        }
        if (!header.keySet().containsAll(HEADER)) {
            throw new IllegalArgumentException(file + " has the header lines " + header.keySet() + "; accepted: all of " + HEADER);
        }
        return new Results(header, nanos, ratios, allocations, startups);
    }

    /** @return the Java feature release the run measured, e.g. 17 */
    int feature() {
        return Integer.parseInt(header.get("java").split("[. ]", 2)[0]);
    }

    private static Figure figure(String[] words) {
        return new Figure(Double.parseDouble(words[3]), percent(words[4]), percent(words[5]), stability(words[6]));
    }

    private static double percent(String word) {
        if (!word.endsWith("%")) {
            throw new IllegalArgumentException(word + " is not a percentage");
        }
        return Double.parseDouble(word.substring(0, word.length() - 1));
    }

    private static String stability(String word) {
        if (!List.of("stable", "unstable", "unrated").contains(word)) {
            throw new IllegalArgumentException(word + " is not stable, unstable or unrated");
        }
        return word;
    }

    private static void header(String line, Map<String, String> header) {
        int colon = line.indexOf(": ");
        if (colon < 0 || !HEADER.contains(line.substring(0, colon))) {
            throw new IllegalArgumentException("not a header line");
        }
        header.put(line.substring(0, colon), line.substring(colon + 2));
    }
}
