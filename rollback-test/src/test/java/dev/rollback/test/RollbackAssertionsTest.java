package dev.rollback.test;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.Rollback;
import dev.rollback.RollbackReport;
import dev.rollback.RollbackScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.rollback.test.RollbackAssertions.assertThatPending;
import static dev.rollback.test.RollbackAssertions.assertThatReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("RollbackAssertions and RollbackReports: the order and outcomes of a real rollback")
class RollbackAssertionsTest {

    private static final IllegalStateException STUCK = new IllegalStateException("stuck");

    @Test
    void assertsTheOrderAndOutcomesOfARealRollback() {
        try (RollbackReports reports = RollbackReports.record()) {
            IllegalArgumentException failure = new IllegalArgumentException("no");
            assertThatThrownBy(() -> Rollback.run("create-agent", () -> {
                Rollback.register("remove dir", 10, () -> { });
                Rollback.register("stop worker", () -> {
                    throw STUCK;
                });
                Rollback.register("close port", () -> { });
                throw failure;
            })).isSameAs(failure);

            assertThatReport(reports.last())
                    .hasName("create-agent")
                    .ranInOrder("remove dir", "close port", "stop worker")
                    .hasOutcomes(Outcome.SUCCEEDED, Outcome.SUCCEEDED, Outcome.FAILED)
                    .ran("stop worker", Outcome.FAILED)
                    .isIncomplete();
            assertThat(reports.all()).hasSize(1);
        }
    }

    @Test
    void assertsWhatAScopeHoldsInRollbackOrderIncludingRecordsFromAnotherThread() throws Exception {
        Rollback.run("pending", () -> {
            RollbackScope scope = Rollback.current().orElseThrow();
            assertThatPending(scope).isEmpty();
            Rollback.register("first", () -> { });
            Rollback.register("urgent", 10, () -> { });
            Thread other = new Thread(Rollback.wrap(() -> Rollback.register("from another thread", () -> { })));
            other.start();
            other.join();

            assertThatPending(scope).holdsInOrder("urgent", "from another thread", "first");
            assertThatThrownBy(() -> assertThatPending(scope).holdsInOrder("first"))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessage("the compensations " + scope + " holds, in rollback order, differ: expected [first]"
                            + " but was [urgent, from another thread, first]");
        });
    }

    @Test
    void failsWithTheExpectedAndActualOrder() {
        RollbackReport report = report(result("b", Outcome.SUCCEEDED), result("a", Outcome.SUCCEEDED));

        assertThatThrownBy(() -> assertThatReport(report).isComplete().ranInOrder("a", "b"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("the compensations, in the order they ran differ(s): expected [a, b] but was [b, a]\nin " + report)
                .satisfies(failure -> {
                    assertThat(((AssertionFailedError) failure).getExpected().getValue()).isEqualTo(List.of("a", "b"));
                    assertThat(((AssertionFailedError) failure).getActual().getValue()).isEqualTo(List.of("b", "a"));
                });
    }

    @Test
    void failsOnAnOutcomeOrCompletenessThatDiffers() {
        RollbackReport report = report(result("a", Outcome.TIMED_OUT));

        assertThatThrownBy(() -> assertThatReport(report).ran("a", Outcome.SUCCEEDED))
                .hasMessageStartingWith("the outcome of 'a' differ(s): expected [SUCCEEDED] but was [TIMED_OUT]");
        assertThatThrownBy(() -> assertThatReport(report).ran("missing", Outcome.SUCCEEDED))
                .hasMessageStartingWith("the outcome of 'missing' differ(s): expected [SUCCEEDED] but was []");
        assertThatThrownBy(() -> assertThatReport(report).isComplete())
                .hasMessageStartingWith("whether the rollback was complete differ(s): expected true but was false");
        assertThatThrownBy(() -> assertThatReport(report).hasOutcomes(Outcome.FAILED))
                .hasMessageStartingWith("the outcomes, in the order the compensations ran differ(s): expected [FAILED] but was [TIMED_OUT]");
    }

    @Test
    void recordsOnlyTheRollbacksOfItsOwnThread() throws InterruptedException {
        try (RollbackReports reports = RollbackReports.record()) {
            Thread other = new Thread(() -> {
                try (var scope = Rollback.begin("elsewhere")) {
                    Rollback.register("nothing", () -> { });
                }
            });
            other.start();
            other.join();

            assertThat(reports.all()).isEmpty();
            assertThatThrownBy(reports::last).isInstanceOf(AssertionFailedError.class)
                    .hasMessage("no rollback has run on thread '" + Thread.currentThread().getName() + "' since the reports"
                            + " were recorded; accepted: a scenario that rolls back before reports are asserted");
        }
    }

    private static RollbackReport report(CompensationResult... results) {
        return new RollbackReport("op-1", "op", Instant.EPOCH, Duration.ZERO, List.of(results));
    }

    private static CompensationResult result(String description, Outcome outcome) {
        return new CompensationResult(description, 0, outcome, 1, Duration.ZERO, outcome == Outcome.SUCCEEDED ? null : STUCK);
    }
}
