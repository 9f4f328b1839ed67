package dev.rollback.behaviour;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import dev.rollback.behaviour.fixtures.RecordingListener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Semantics 8: timeoutMillis runs a compensation on a worker thread, interrupted when time is up; interrupts are preserved")
class TimeoutTest extends BehaviourTest {

    @Test
    void aRunawayCompensationGivesControlBackWithinASecondAndIsReportedTimedOut() {
        long start = System.nanoTime();
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("after");
            resources.acquireWithRunawayUndo("runaway");
            resources.acquire("before");
            throw new IllegalStateException("boom");
        }));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMillis).isLessThan(1_000);
        assertThat(journal.withPrefix("release ")).containsExactly("before", "after");

        CompensationResult runaway = ((RollbackIncompleteException) thrown.getSuppressed()[0]).report().actions().get(1);
        assertThat(runaway.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(runaway.description()).isEqualTo("Resources.acquireWithRunawayUndo(runaway)");
        assertThat(runaway.error()).get().isInstanceOf(TimeoutException.class);
        assertThat(runaway.error().orElseThrow().getMessage())
                .matches("compensation 'Resources.acquireWithRunawayUndo\\(runaway\\)' of operation \\S+ did not finish"
                        + " within 100 ms; its thread 'rollback-compensation-\\S+' was interrupted and abandoned");
        assertThat(journal.withPrefix("release-started runaway on "))
                .singleElement().asString().matches("rollback-compensation-\\S+ \\(daemon\\)");
    }

    @Test
    void theRunawaysWorkerThreadServesNobodyElseWhileItIsAlive() {
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquireTimedUndo("second");
            resources.acquireWithRunawayUndo("runaway");
            throw new IllegalStateException("boom");
        }));
        String runawayThread = journal.withPrefix("release-started runaway on ").get(0).replace(" (daemon)", "");
        String secondLine = journal.withPrefix("release second").get(0);
        assertThat(secondLine).doesNotContain(runawayThread);
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals(runawayThread) && t.isAlive() && t.isDaemon());
    }

    @Test
    void aTimedOutCompensationIsNeverCountedAsASuccess() {
        try (RecordingListener listener = new RecordingListener()) {
            thrownBy(() -> orchestrators.atomically(() -> {
                resources.acquireWithRunawayUndo("runaway");
                throw new IllegalStateException("boom");
            }));
            assertThat(listener.onlyReport().completeness()).isZero();
            assertThat(listener.onlyReport().isComplete()).isFalse();
        }
    }

    @Test
    void compensationsStillRunWhenTheRollingBackThreadWasInterrupted() {
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("inline");
            resources.acquireTimedUndo("timed");
            Rollback.register("sleeps", () -> Thread.sleep(5));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("boom");
        }));
        boolean interrupted = Thread.interrupted();
        assertThat(interrupted).as("interrupt status preserved").isTrue();
        assertThat(thrown.getSuppressed()).isEmpty();
        assertThat(journal.withPrefix("release ")).containsExactly("timed interrupted=false", "inline");
    }

    @Test
    void anInterruptArrivingDuringTheRollbackIsPreservedToo() {
        thrownBy(() -> orchestrators.atomically(() -> {
            Rollback.register("interrupts its own thread", () -> Thread.currentThread().interrupt());
            resources.acquire("a");
            throw new IllegalStateException("boom");
        }));
        assertThat(Thread.interrupted()).isTrue();
        assertThat(journal.withPrefix("release ")).containsExactly("a");
    }

    @Test
    void aProgrammaticCompensationCanHaveATimeLimit() {
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            Rollback.register("sleeps forever", 0, Duration.ofMillis(50), 0, () -> Thread.sleep(60_000));
            throw new IllegalStateException("boom");
        }));
        CompensationResult result = ((RollbackIncompleteException) thrown.getSuppressed()[0]).report().actions().get(0);
        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.attempts()).isEqualTo(1);
    }
}
