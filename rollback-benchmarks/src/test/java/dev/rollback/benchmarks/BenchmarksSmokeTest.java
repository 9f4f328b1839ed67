package dev.rollback.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark method once, so that the benchmarks cannot rot: each fixture checks in its
 * set-up that its classes are advised (or not) as the benchmark claims. The agent's benchmarks run
 * in a JVM started with the agent, as JMH forks them.
 */
class BenchmarksSmokeTest {

    @Test
    void jmhGeneratedEveryBenchmarkAndForksTheAgentOnesWithTheAgent() throws Exception {
        List<String> entries;
        try (var list = BenchmarksSmokeTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(list).as("JMH's annotation processor did not run").isNotNull();
            entries = new String(list.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }

        for (Class<?> type : BenchmarkMethods.BENCHMARKS) {
            List<String> variants = java.util.Arrays.stream(type.getMethods())
                    .filter(m -> m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class)).map(m -> m.getName()).toList();
            assertThat(variants).as(type.getSimpleName() + "'s variants").contains("handwritten", "ajc", "agent");
            for (String variant : variants) {
                String generated = type.getName().replace(".benchmarks.", ".benchmarks.jmh_generated.") + '_' + variant + "_jmhTest";
                assertThat(entries).as(generated).filteredOn(e -> e.contains(" " + generated + " ")).singleElement()
                        .satisfies(e -> assertThat(e.contains(AgentFixture.JAVAAGENT)).isEqualTo(variant.equals("agent")));
            }
        }
    }

    @Test
    void runsEveryBenchmarkMethodOnceWithoutAnAgent() throws Exception {
        List<String> ran = BenchmarkMethods.runAll(method -> !method.getName().equals("agent"));

        // 4 variants: 3 + 1 + 4 + 1 parameter combinations; the failure path's limit: 4; fan-out has 2 variants here, 2 combinations
        assertThat(ran).hasSize(4 * 9 + 4 + 2 * 2).contains("FailureBenchmark.ajc[1000, true]", "NestedBenchmark.spring[]",
                "FailureBenchmark.limit[10, false]",
                "FanOutBenchmark.ajc[8, true]", "FanOutBenchmark.handwritten[8, false]");
    }

    @Test
    void runsEveryAgentBenchmarkMethodOnceInAJvmStartedWithTheAgent() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), AgentFixture.JAVAAGENT,
                "-cp", System.getProperty("java.class.path"), BenchmarkMethods.class.getName(), "agent")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as(output).contains("ran 11: [").contains("FailureBenchmark.agent[1000, true]")
                .contains("FanOutBenchmark.agent[8, true]");
    }
}
