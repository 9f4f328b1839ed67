package dev.rollback.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComparisonTest {

    @Test
    void eachRoundsRatioIsTakenWithinTheRoundSoThatDriftBetweenRoundsCancels() {
        Comparison comparison = new Comparison();
        double[] machineSpeed = {1.0, 1.6, 0.8};
        for (double speed : machineSpeed) {
            comparison.add("success-1", "handwritten", new Comparison.Measure(40 * speed, 192));
            comparison.add("success-1", "ajc", new Comparison.Measure(48 * speed, 160));
        }

        Spread ratio = comparison.ratio("success-1", "ajc", "handwritten");

        assertThat(ratio.values()).allSatisfy(r -> assertThat(r).isCloseTo(1.2, org.assertj.core.api.Assertions.within(1e-12)));
        assertThat(ratio.stability()).isEqualTo("stable");
        assertThat(comparison.nanos("success-1", "ajc").stability()).as("the times themselves drifted 100%")
                .isEqualTo("unstable");
    }

    @Test
    void theRatioIsTheMedianOfTheRoundsRatiosNotTheRatioOfTheMedianTimes() {
        Comparison comparison = new Comparison();
        double[][] rounds = {{40, 60}, {35, 42}, {80, 88}};
        for (double[] round : rounds) {
            comparison.add("success-10", "handwritten", new Comparison.Measure(round[0], 408));
            comparison.add("success-10", "agent", new Comparison.Measure(round[1], 528));
        }

        Spread ratio = comparison.ratio("success-10", "agent", "handwritten");

        assertThat(ratio.values()).containsExactly(1.5, 1.2, 1.1);
        assertThat(ratio.median()).as("the median times' ratio would be 60 / 40 = 1.5").isEqualTo(1.2);
        assertThat(ratio.stability()).isEqualTo("unstable");
    }

    @Test
    void printsTimesThenRatiosOverHandwrittenAndOverTheLimitThenBytes() {
        Comparison comparison = new Comparison();
        comparison.add("failure-10", "handwritten", new Comparison.Measure(200, 448));
        comparison.add("failure-10", "limit", new Comparison.Measure(400, 528));
        comparison.add("failure-10", "ajc", new Comparison.Measure(600, 752));
        comparison.add("failure-10", "spring", new Comparison.Measure(5000, 6104));
        comparison.add("no-scope", "ajc", new Comparison.Measure(4, 0));

        assertThat(comparison.lines()).as("in the published scenario order").containsExactly(
                "NS no-scope ajc 4.00 +0.0% +0.0% unrated (1 round: 4.000)",
                "NS failure-10 handwritten 200.00 +0.0% +0.0% unrated (1 round: 200.000)",
                "NS failure-10 limit 400.00 +0.0% +0.0% unrated (1 round: 400.000)",
                "NS failure-10 ajc 600.00 +0.0% +0.0% unrated (1 round: 600.000)",
                "NS failure-10 spring 5000.00 +0.0% +0.0% unrated (1 round: 5000.000)",
                "RATIO failure-10 limit/handwritten 2.00 +0.0% +0.0% unrated (1 round: 2.000)",
                "RATIO failure-10 ajc/handwritten 3.00 +0.0% +0.0% unrated (1 round: 3.000)",
                "RATIO failure-10 ajc/limit 1.50 +0.0% +0.0% unrated (1 round: 1.500)",
                "RATIO failure-10 spring/handwritten 25.00 +0.0% +0.0% unrated (1 round: 25.000)",
                "ALLOC failure-10 limit 80",
                "ALLOC failure-10 ajc 304",
                "ALLOC failure-10 spring 5656");
    }

    @Test
    void tabulatesEveryVariantWithItsRatiosAndTheirSpread() {
        Comparison comparison = new Comparison();
        comparison.add("failure-10", "handwritten", new Comparison.Measure(200, 448));
        comparison.add("failure-10", "limit", new Comparison.Measure(400, 528));
        comparison.add("failure-10", "agent", new Comparison.Measure(500, 752));

        assertThat(comparison.markdown()).isEqualTo("""
                | scenario | variant | ns/op | B/op | / hand-written | spread | / limit | spread |
                |---|---|---:|---:|---:|---|---:|---|
                | failure-10 | handwritten | 200 | 448 | | | | |
                | failure-10 | limit | 400 | 528 | 2.00 | +0.0% +0.0%, unrated | | |
                | failure-10 | agent | 500 | 752 | 2.50 | +0.0% +0.0%, unrated | 1.25 | +0.0% +0.0%, unrated |
                """);
    }

    @Test
    void namesScenariosByBenchmarkClassAndParameters() {
        Map<String, String> failure = Map.of("compensations", "1000", "stackTrace", "true");
        Map<String, String> fanOut = Map.of("tasks", "8", "failing", "false");

        assertThat(Comparison.scenario("dev.rollback.benchmarks.FailureBenchmark.limit", failure::get))
                .isEqualTo("failure-1000-fresh");
        assertThat(Comparison.scenario("dev.rollback.benchmarks.FanOutBenchmark.ajc", fanOut::get)).isEqualTo("fan-out-8");
        assertThat(Comparison.scenario("dev.rollback.benchmarks.NoScopeBenchmark.ajc", name -> null)).isEqualTo("no-scope");
        assertThatThrownBy(() -> Comparison.scenario("dev.rollback.benchmarks.OtherBenchmark.ajc", name -> null))
                .hasMessage("no scenario is named for benchmark dev.rollback.benchmarks.OtherBenchmark.ajc");
    }
}
