package dev.rollback.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSettingsTest {

    @Test
    void defaultsToFiveRoundsOfThreeWarmUpAndThreeMeasuredSecondsOnEveryScenario() {
        RunSettings settings = RunSettings.parse();

        assertThat(settings.rounds()).isEqualTo(5);
        assertThat(settings.warmups()).isEqualTo(3);
        assertThat(settings.iterations()).isEqualTo(3);
        assertThat(settings.iterationTime()).isEqualTo(TimeValue.seconds(1));
        assertThat(settings.include()).isEqualTo(RunSettings.DEFAULT_INCLUDE);
        assertThat(settings.scenarios()).isEmpty();
        assertThat(settings.variants()).isEmpty();
        assertThat(settings.out()).isEqualTo(Path.of("target", "benchmarks"));
        assertThat(settings.quick()).isFalse();
        assertThat(settings.forkSeconds()).isEqualTo(6.0);
        assertThat(settings.describe()).isEqualTo("5 rounds, each fork 3 x 1 s warm-up + 3 x 1 s measurement");
    }

    @Test
    void theDefaultIncludeMatchesEveryBenchmarkClassOfThePackageOnly() {
        assertThat("dev.rollback.benchmarks.SuccessBenchmark.ajc").matches(RunSettings.DEFAULT_INCLUDE);
        assertThat("devXrollback.benchmarks.SuccessBenchmark.ajc").doesNotMatch(RunSettings.DEFAULT_INCLUDE);
    }

    @Test
    void quickIsThreeShortRoundsOnTheQuickScenariosWhateverComesAfterIt() {
        RunSettings quick = RunSettings.parse("--quick");
        RunSettings overridden = RunSettings.parse("--rounds", "2", "--quick", "--scenarios", "success-1");

        assertThat(quick.quick()).isTrue();
        assertThat(quick.describe()).isEqualTo("3 rounds, each fork 2 x 500 ms warm-up + 2 x 500 ms measurement");
        assertThat(quick.scenarios()).containsExactlyInAnyOrderElementsOf(RunSettings.QUICK_SCENARIOS);
        assertThat(overridden.rounds()).isEqualTo(2);
        assertThat(overridden.scenarios()).containsExactly("success-1");
    }

    @Test
    void takesEveryOption() {
        RunSettings settings = RunSettings.parse("--rounds", "1", "--warmup", "2", "--iterations", "4", "--time", "100ms",
                "--include", "Success", "--scenarios", "success-1,success-10", "--variants", "ajc,agent",
                "--out", "/tmp/somewhere", "--command", "run.sh --rounds 1");

        assertThat(settings).isEqualTo(new RunSettings(1, 2, 4, TimeValue.milliseconds(100), "Success",
                Set.of("success-1", "success-10"), Set.of("ajc", "agent"), Path.of("/tmp/somewhere"), false,
                "run.sh --rounds 1"));
        assertThat(settings.forkSeconds()).isEqualTo(0.6);
        assertThat(RunSettings.parse("--time", "2s").iterationTime()).isEqualTo(TimeValue.seconds(2));
        assertThat(RunSettings.parse("--rounds", "3").command()).isEqualTo("BenchmarkMain --rounds 3");
    }

    @Test
    void refusesAnUnknownArgumentNamingWhatIsAccepted() {
        assertThatThrownBy(() -> RunSettings.parse("--forks", "2"))
                .hasMessage("unknown argument '--forks'; " + RunSettings.USAGE);
    }

    @Test
    void refusesAMissingValue() {
        assertThatThrownBy(() -> RunSettings.parse("--include"))
                .hasMessage("--include needs a value; " + RunSettings.USAGE);
    }

    @Test
    void refusesCountsThatAreNotWholeNumbersFromOne() {
        assertThatThrownBy(() -> RunSettings.parse("--rounds", "0"))
                .hasMessage("--rounds 0; accepted: a whole number, 1 or more");
        assertThatThrownBy(() -> RunSettings.parse("--warmup", "three"))
                .hasMessage("--warmup three; accepted: a whole number, 1 or more")
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void refusesDurationsWithoutAUnitOrOfZero() {
        for (String duration : new String[] {"100", "0ms", "1.5s", "1m"}) {
            assertThatThrownBy(() -> RunSettings.parse("--time", duration)).hasMessage("--time " + duration
                    + "; accepted: a positive whole number of milliseconds or seconds, e.g. 200ms, 1s");
        }
    }

    @Test
    void refusesUnknownScenarioAndVariantNames() {
        assertThatThrownBy(() -> RunSettings.parse("--scenarios", "success-1,success-2"))
                .hasMessage("--scenarios: unknown name 'success-2'; accepted: " + String.join(", ", Comparison.SCENARIOS)
                        + ", separated by commas");
        assertThatThrownBy(() -> RunSettings.parse("--variants", "ajc,"))
                .hasMessage("--variants: unknown name ''; accepted: ajc, agent, programmatic, spring, separated by commas");
    }
}
