package dev.rollback.test;

import dev.rollback.Outcome;
import dev.rollback.Rollback;
import dev.rollback.test.fixtures.Provisioning;
import dev.rollback.test.fixtures.Tree;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.rollback.test.RollbackAssertions.assertThatReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(RollbackExtension.class)
@DisplayName("FailureInjector: a failure right after every compensated call, and the world checked after each rollback")
class FailureInjectorTest {

    @TempDir
    Path root;

    private Map<String, String> tree() throws IOException {
        return Tree.of(root);
    }

    @Test
    void failsRightAfterEachCompensatedCallInTurn() throws IOException {
        Provisioning provisioning = new Provisioning(root);

        InjectionResult result = FailureInjector.assertEveryFailureIsUndone(this::tree, () -> provisioning.provision("a"));

        assertThat(result.calls()).isEqualTo(3);
        assertThat(result.runs()).extracting(InjectionResult.Run::failedAfter).containsExactly(0, 1, 2, 3);
        assertThatReport(result.runs().get(2).reports().get(0)).hasName("provision")
                .ranInOrder("Workspaces.writeFile(" + root.resolve("a") + ", config, name=a)", "Workspaces.createDirectory(a)")
                .hasOutcomes(Outcome.SUCCEEDED, Outcome.SUCCEEDED);
        assertThat(tree()).isEmpty();
    }

    @Test
    void blamesTheStepAfterWhichUncompensatedWorkLeaks() {
        Provisioning provisioning = new Provisioning(root);

        assertThatThrownBy(() -> FailureInjector.assertEveryFailureIsUndone(this::tree, () -> provisioning.provisionWithLock("a")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("1 of 4 runs did not undo cleanly:\n"
                        + "  - the world differs after a failure right after compensated call 3 of 3:\n"
                        + "    before: {}\n"
                        + "    after:  {a.lock=locked}");
    }

    @Test
    void countsRegisteredCompensationsAndReportsAnIncompleteRollback() {
        assertThatThrownBy(() -> FailureInjector.assertEveryFailureIsUndone(this::tree, () -> {
            Path first = Files.createFile(root.resolve("first"));
            Rollback.register("remove first", () -> Files.delete(first));
            Path second = root.resolve("second");
            Rollback.register("remove second", 5, () -> Files.delete(second)); // registered before it exists: a flaw
            Files.createFile(second);
        }))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("1 of 3 runs did not undo cleanly:\n"
                        + "  - an incomplete rollback after a failure right after compensated call 2:\n"
                        + "    rollback of 'rollback-test' [")
                .hasMessageContaining("remove second [priority 5]: FAILED after 1 attempt")
                .hasMessageContaining("remove first [priority 0]: SUCCEEDED after 1 attempt")
                .satisfies(failure -> assertThat(failure.getSuppressed()).singleElement()
                        .isInstanceOf(java.nio.file.NoSuchFileException.class));
    }

    @Test
    void refusesAScenarioThatFailsOnItsOwn() {
        IOException broken = new IOException("disk full");

        assertThatThrownBy(() -> FailureInjector.assertEveryFailureIsUndone(this::tree, () -> {
            throw broken;
        }))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("the scenario failed with nothing injected, so there is no step to inject a failure after;"
                        + " accepted: a scenario that succeeds on its own")
                .hasCause(broken);
    }

    @Test
    void reportsWorkThatNoCompensationUndoes() {
        assertThatThrownBy(() -> FailureInjector.assertEveryFailureIsUndone(this::tree, () -> {
            Rollback.register("nothing", () -> { });
            Files.createFile(root.resolve("x"));
        }))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("1 of 2 runs did not undo cleanly:\n"
                        + "  - the world differs after the whole scenario (1 compensated calls) was rolled back:\n"
                        + "    before: {}\n"
                        + "    after:  {x=}");
    }

    @Test
    void refusesAScenarioThatMakesNoCallTheKitCanSee() {
        assertThatThrownBy(() -> FailureInjector.assertEveryFailureIsUndone(this::tree,
                () -> Files.createFile(root.resolve("x"))))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("the scenario made no compensated call the kit could see; accepted: a scenario that calls"
                        + " @Compensate methods or Rollback.register from classes woven with rollback-test as an aspect library");
    }

    @Test
    void reportsAScenarioThatStopsMakingTheSameCalls() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> FailureInjector.assertEveryFailureIsUndone(this::tree, () -> {
            Rollback.register("first", () -> { });
            if (runs.incrementAndGet() == 1) {
                Rollback.register("only on the first run", () -> { });
            }
        }))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("1 of 3 runs did not undo cleanly:\n"
                        + "  - compensated call 2 of 2 was never reached (the scenario made 1 this time); accepted: a"
                        + " scenario that makes the same calls on every run");
    }

    @Test
    void refusesToRunAScenarioInsideAnother() {
        assertThatThrownBy(() -> FailureInjector.assertEveryFailureIsUndone(this::tree,
                () -> FailureInjector.assertEveryFailureIsUndone(this::tree, () -> Rollback.register("inner", () -> { }))))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("the scenario failed with nothing injected")
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("a rollback-test session is already running on thread '" + Thread.currentThread().getName()
                        + "'; accepted: one scenario at a time per thread, not nested");
    }
}
