package dev.rollback.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which forks a run starts, from JMH's generated benchmark list (nothing is measured here). */
class RoundsTest {

    @Test
    void findsEachScenarioWithItsBaselinesFirstAndOnlyTheChosenVariants() {
        List<Cases.Case> cases = Cases.find(RunSettings.parse("--scenarios", "failure-10,success-1", "--variants", "agent,ajc"));

        assertThat(cases).extracting(Cases.Case::scenario).as("in the published order").containsExactly("success-1", "failure-10");
        assertThat(cases.get(0).variants()).containsExactly("handwritten", "ajc", "agent");
        assertThat(cases.get(0).params()).isEqualTo(Map.of("compensations", "1"));
        assertThat(cases.get(1).variants()).containsExactly("handwritten", "limit", "ajc", "agent");
        assertThat(cases.get(1).params()).isEqualTo(Map.of("compensations", "10", "stackTrace", "false"));
    }

    @Test
    void includeKeepsSelectingBenchmarksByJmhsRegularExpression() {
        List<Cases.Case> cases = Cases.find(RunSettings.parse("--include", "Success"));

        assertThat(cases).extracting(Cases.Case::scenario).containsExactly("success-0", "success-1", "success-10");
        assertThat(cases).allSatisfy(c -> assertThat(c.variants())
                .containsExactly("handwritten", "ajc", "agent", "programmatic", "spring"));
    }

    @Test
    void eachForkIsNarrowedToOneBenchmarkMethodAndOneSetOfParameters() {
        RunSettings settings = RunSettings.parse("--rounds", "2", "--time", "100ms", "--warmup", "1", "--iterations", "2");
        Cases.Case failure = Cases.find(RunSettings.parse("--scenarios", "failure-1000-fresh")).get(0);
        Rounds rounds = new Rounds(settings, List.of(failure), line -> { });

        Options options = rounds.options(failure, "limit").build();

        assertThat(options.getIncludes()).containsExactly("^\\Qdev.rollback.benchmarks.FailureBenchmark.limit\\E$");
        assertThat(options.getParameter("compensations").get()).containsExactly("1000");
        assertThat(options.getParameter("stackTrace").get()).containsExactly("true");
        assertThat(options.getForkCount().get()).isEqualTo(1);
        assertThat(options.getWarmupForkCount().get()).isZero();
        assertThat(options.getWarmupIterations().get()).isEqualTo(1);
        assertThat(options.getMeasurementIterations().get()).isEqualTo(2);
        assertThat(options.getProfilers()).extracting(p -> p.getKlass()).containsExactly("org.openjdk.jmh.profile.GCProfiler");
        assertThat(rounds.forks()).as("2 rounds of handwritten, limit, ajc, agent, programmatic, spring").isEqualTo(12);
        assertThat(rounds.estimatedMinutes()).isEqualTo(12 * (0.3 + Rounds.FORK_OVERHEAD_SECONDS) / 60);
    }

    @Test
    void aFullDefaultRunStaysUnderFortyMinutesByItsOwnEstimate() {
        RunSettings settings = RunSettings.parse();
        Rounds rounds = new Rounds(settings, Cases.find(settings), line -> { });

        assertThat(rounds.estimatedMinutes()).isLessThan(40);
    }

    @Test
    void refusesASelectionThatMatchesNothing() {
        assertThatThrownBy(() -> Cases.find(RunSettings.parse("--include", "NoSuchBenchmark")))
                .hasMessageStartingWith("no benchmark matches --include NoSuchBenchmark with scenarios [] and variants [];"
                        + " accepted: a JMH regular expression on benchmark names such as 'Success', scenarios among [success-0,");
    }
}
