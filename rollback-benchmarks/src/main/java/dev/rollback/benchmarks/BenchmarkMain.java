package dev.rollback.benchmarks;

import org.openjdk.jmh.runner.RunnerException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmarks in rounds of interleaved forks ({@link Rounds}) with the GC profiler, and
 * prints and writes the comparisons: {@code table.md}, {@code results.txt} (what README's table is
 * written from), and JMH's JSON and output per round. Started by {@code run.sh} in the module's
 * directory (the agent forks find the agent jar relative to it).
 *
 * <pre>
 * BenchmarkMain [--quick] [--rounds N] [--warmup N] [--iterations N] [--time DURATION]
 *               [--include REGEX] [--scenarios NAME,...] [--variants NAME,...] [--out DIR] [--command TEXT]
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /**
     * @param args as {@link RunSettings#parse} accepts them
     * @throws RunnerException when JMH fails
     * @throws IOException     when the results cannot be written
     */
    public static void main(String[] args) throws RunnerException, IOException {
        RunSettings settings = RunSettings.parse(args);
        List<Cases.Case> cases = Cases.find(settings);
        Rounds rounds = new Rounds(settings, cases, System.out::println);
        Files.createDirectories(settings.out());
        Map<String, String> header = header(settings);
        System.out.printf(Locale.ROOT, "%d scenarios, %d forks: %s; about %.1f minutes%n", cases.size(), rounds.forks(),
                settings.describe(), rounds.estimatedMinutes());
        if (settings.quick()) {
            System.out.println("--quick: short forks and few rounds; its figures are indicative only, not for publishing");
        }
        Comparison comparison = rounds.run();
        List<String> lines = comparison.lines();
        System.out.println();
        lines.forEach(System.out::println);
        if (settings.quick()) {
            System.out.println("(--quick: indicative only)");
        }
        Files.writeString(settings.out().resolve("table.md"), comparison.markdown());
        Files.writeString(settings.out().resolve(Results.FILE), Results.write(header, lines));
        System.out.println("results: " + settings.out().resolve(Results.FILE) + ", table.md, jmh-round-N.json, round-N.log");
    }

    private static Map<String, String> header(RunSettings settings) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        int cores = Runtime.getRuntime().availableProcessors();
        header.put("machine", cores + (cores == 1 ? " core, " : " cores, ") + cpu());
        header.put("java", Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")");
        header.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        header.put("command", settings.command());
        header.put("settings", settings.describe() + (settings.quick() ? " (--quick: indicative only)" : ""));
        Path load = Path.of("/proc/loadavg");
        header.put("load", "load average before the run " + (Files.isReadable(load)
                ? String.join(" ", List.of(Files.readString(load).split(" ")).subList(0, 3)) : "unknown (no /proc/loadavg)"));
        return header;
    }

    private static String cpu() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        }
    }
}
