package dev.rollback.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadmeSectionTest {

    @TempDir
    Path temp;

    private Path run(String name, String java, List<String> lines) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("machine", "2 cores, Some CPU");
        header.put("java", java);
        header.put("date", "2026-12-01 23:40 UTC");
        header.put("command", "rollback-benchmarks/run.sh --out " + name);
        header.put("settings", "5 rounds, each fork 3 x 1 s warm-up + 3 x 1 s measurement");
        header.put("load", "load average before the run 0.10 0.20 0.30");
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve(Results.FILE), Results.write(header, lines));
        return dir;
    }

    @Test
    void readsBackWhatARunWrites() throws IOException {
        Path dir = run("r17", "17.0.15 (OpenJDK 64-Bit Server VM, Debian)", List.of(
                "NS success-1 handwritten 46.70 -1.0% +2.0% stable (3 rounds: 46.000 46.700 47.600)",
                "RATIO success-1 ajc/handwritten 1.63 -6.0% +2.0% unstable (3 rounds: 1.530 1.630 1.660)",
                "ALLOC success-1 ajc -16",
                "STARTUP agent/none 2.91"));

        Results results = Results.read(dir.resolve(Results.FILE));

        assertThat(results.feature()).isEqualTo(17);
        assertThat(results.header()).containsEntry("machine", "2 cores, Some CPU");
        assertThat(results.nanos()).containsEntry("success-1 handwritten", new Results.Figure(46.70, -1.0, 2.0, "stable"));
        assertThat(results.ratios()).containsEntry("success-1 ajc/handwritten", new Results.Figure(1.63, -6.0, 2.0, "unstable"));
        assertThat(results.allocations()).containsEntry("success-1 ajc", -16L);
        assertThat(results.startups()).containsEntry("agent/none", 2.91);
    }

    @Test
    void refusesALineItCannotReadNamingTheFileAndLine() throws IOException {
        Path dir = run("bad", "17.0.15", List.of("RATIO success-1 ajc/handwritten 1.63 -6.0 +2.0% unstable"));
        Path file = dir.resolve(Results.FILE);

        assertThatThrownBy(() -> Results.read(file)).hasMessageStartingWith(file + ":7: 'RATIO success-1 ajc/handwritten 1.63"
                + " -6.0 +2.0% unstable'; accepted: the lines BenchmarkMain writes (machine, java, date, command, settings, load:");
        Files.writeString(file, "machine: 2 cores\n");
        assertThatThrownBy(() -> Results.read(file)).hasMessage(file + " has the header lines [machine]; accepted: all of "
                + Results.HEADER);
    }

    @Test
    void putsTheJdksSideBySideMarkingUnstableRatiosWithTheirSpread() throws IOException {
        Path jdk17 = run("r17", "17.0.15 (OpenJDK)", List.of(
                "NS success-1 handwritten 46.70 -1.0% +2.0% stable (3 rounds: 46.000 46.700 47.600)",
                "NS failure-1000 limit 21000.00 -1.0% +2.0% stable (3 rounds: 1 2 3)",
                "RATIO success-1 ajc/handwritten 1.63 -6.0% +2.0% unstable (3 rounds: 1.530 1.630 1.660)",
                "RATIO success-1 agent/handwritten 1.40 -1.0% +2.0% stable (3 rounds: 1.390 1.400 1.430)",
                "RATIO failure-1000 ajc/limit 1.90 -1.0% +2.0% stable (3 rounds: 1 2 3)",
                "STARTUP agent/none 2.91",
                "STARTUP ajc/none 1.42"));
        Path jdk25 = run("r25", "25.0.1 (OpenJDK)", List.of(
                "NS success-1 handwritten 40.00 -1.0% +2.0% stable (3 rounds: 1 2 3)",
                "RATIO success-1 ajc/handwritten 1.50 -1.0% +2.0% stable (3 rounds: 1 2 3)",
                "RATIO success-1 agent/handwritten 1.20 -1.0% +2.0% stable (3 rounds: 1 2 3)"));

        String section = ReadmeSection.format(List.of(Results.read(jdk17.resolve(Results.FILE)),
                Results.read(jdk25.resolve(Results.FILE))));

        assertThat(section).isEqualTo("""
                Ratios to hand-written code doing the same job, JDK 17 / 25: the median over rounds of interleaved forks; ±N% when a round lay more than 5% from it.

                | scenario | hand-written, ns | ajc | agent |
                |---|---:|---:|---:|
                | success, 1 compensation | 47 / 40 | 1.63 ±6% / 1.50 | 1.40 / 1.20 |
                | failure, 1,000, over the timed limit | 21.0 µs / – | 1.90 / – | – / – |
                | JVM start-up over a plain start, 600 advised methods | | 1.42 / – | 2.91 / – |

                JDK 17: `rollback-benchmarks/run.sh --out r17`, 5 rounds, each fork 3 x 1 s warm-up + 3 x 1 s measurement; 2 cores, Some CPU; java 17.0.15 (OpenJDK), 2026-12-01 23:40 UTC.
                JDK 25: `rollback-benchmarks/run.sh --out r25`, 5 rounds, each fork 3 x 1 s warm-up + 3 x 1 s measurement; 2 cores, Some CPU; java 25.0.1 (OpenJDK), 2026-12-01 23:40 UTC.

                Written by `rollback-benchmarks/run.sh --readme DIR17 DIR25` from the runs recorded in `rollback-benchmarks/results/`. The method, every scenario and variant, bytes per operation and the history: [docs/performance.md](docs/performance.md).
                """);
    }

    @Test
    void recordsEachRunByItsJdkAndWritesTheSectionBetweenTheMarkers() throws IOException {
        Path jdk25 = run("r25", "25.0.1 (OpenJDK)", List.of("RATIO success-1 ajc/handwritten 1.50 -1.0% +2.0% stable (x)"));
        Path jdk17 = run("r17", "17.0.15 (OpenJDK)", List.of("RATIO success-1 ajc/handwritten 1.60 -1.0% +2.0% stable (x)"));
        Path recorded = Files.createDirectories(temp.resolve("results"));
        Files.writeString(recorded.resolve("jdk-21.txt"), "an older run, replaced");
        Path readme = Files.writeString(temp.resolve("README.md"), "# Title\n" + ReadmeSection.BEGIN + "\nold\n"
                + ReadmeSection.END + "\nafter\n");

        ReadmeSection.main(new String[] {readme.toString(), recorded.toString(), jdk25.toString(), jdk17.toString()});

        try (var files = Files.list(recorded)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("jdk-17.txt", "jdk-25.txt");
        }
        String section = ReadmeSection.format(ReadmeSection.recorded(recorded));
        assertThat(section).contains("| success, 1 compensation | – / – | 1.60 / 1.50 | – / – |");
        assertThat(Files.readString(readme)).isEqualTo("# Title\n" + ReadmeSection.BEGIN + "\n" + section
                + ReadmeSection.END + "\nafter\n");
    }

    @Test
    void refusesTwoRunsOfOneJdk() throws IOException {
        Path first = run("a", "17.0.15", List.of());
        Path second = run("b", "17.0.2", List.of());
        Path readme = Files.writeString(temp.resolve("README.md"), ReadmeSection.BEGIN + "\n" + ReadmeSection.END + "\n");

        assertThatThrownBy(() -> ReadmeSection.main(new String[] {readme.toString(), temp.resolve("results").toString(),
                first.toString(), second.toString()}))
                .hasMessageStartingWith("two runs of the same JDK among [").hasMessageEndingWith("; accepted: one run per JDK");
    }

    @Test
    void refusesAReadmeWithoutBothMarkersInOrder() {
        String expected = "README must hold one line '<!-- performance:begin -->' and, after it, one line"
                + " '<!-- performance:end -->'; the performance section is written between them";
        for (String readme : new String[] {"no markers\n", ReadmeSection.END + "\n" + ReadmeSection.BEGIN + "\n",
                ReadmeSection.BEGIN + "\n" + ReadmeSection.BEGIN + "\n" + ReadmeSection.END + "\n"}) {
            assertThatThrownBy(() -> ReadmeSection.splice(readme, "x\n")).as(readme).hasMessage(expected);
        }
    }
}
