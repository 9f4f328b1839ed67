package dev.rollback.behaviour;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;
import dev.rollback.behaviour.fixtures.RecordingListener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Semantics 9: every rollback yields a report; listeners see scope start, each outcome and the report")
class ReportAndListenerTest extends BehaviourTest {

    @Test
    void everyScopeThatRollsBackYieldsACompleteReport() {
        try (RecordingListener listener = new RecordingListener()) {
            Instant before = Instant.now();
            thrownBy(() -> orchestrators.named(() -> {
                resources.acquire("a");
                resources.acquireUrgent("b");
                resources.acquireBrokenUndo("c");
                throw new IllegalStateException("boom");
            }));
            RollbackReport report = listener.onlyReport();
            assertThat(report.name()).isEqualTo("create-agent");
            assertThat(report.operationId()).matches("[0-9a-z]{8}-\\d+");
            assertThat(report.start()).isBetween(before, Instant.now());
            assertThat(report.duration()).isPositive();
            assertThat(report.actions()).extracting(CompensationResult::description, CompensationResult::priority,
                            CompensationResult::outcome, CompensationResult::attempts)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Resources.acquireUrgent(b)", 10, Outcome.SUCCEEDED, 1),
                            org.assertj.core.groups.Tuple.tuple("Resources.acquireBrokenUndo(c)", 0, Outcome.FAILED, 1),
                            org.assertj.core.groups.Tuple.tuple("Resources.acquire(a)", 0, Outcome.SUCCEEDED, 1));
            assertThat(report.actions()).allSatisfy(a -> assertThat(a.duration()).isGreaterThanOrEqualTo(Duration.ZERO));
            assertThat(report.actions().get(0).error()).isEmpty();
            assertThat(report.actions().get(1).error()).get().extracting(Throwable::getMessage).isEqualTo("cannot release c");
            assertThat(report.completeness()).isCloseTo(200.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void listenersReceiveScopeStartEachOutcomeAndTheReportInOrder() {
        try (RecordingListener listener = new RecordingListener()) {
            thrownBy(() -> orchestrators.named(() -> {
                orchestrators.atomically(() -> resources.acquire("a"));
                resources.acquireBrokenUndo("b");
                throw new IllegalStateException("boom");
            }));
            assertThat(listener.events).containsExactly(
                    "scope-start create-agent",
                    "scope-start Orchestrators.atomically",
                    "rollback-start create-agent [Resources.acquireBrokenUndo(b), Resources.acquire(a)] cause=boom",
                    "compensation Resources.acquireBrokenUndo(b) FAILED",
                    "compensation Resources.acquire(a) SUCCEEDED",
                    "rollback-end create-agent 50.0");
        }
    }

    @Test
    void aScopeWithNothingToCompensateReportsFullCompleteness() {
        try (RecordingListener listener = new RecordingListener()) {
            thrownBy(() -> orchestrators.atomically(() -> {
                throw new IllegalStateException("boom");
            }));
            assertThat(listener.onlyReport().actions()).isEmpty();
            assertThat(listener.onlyReport().completeness()).isEqualTo(100.0);
        }
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        RecordingListener listener = new RecordingListener();
        assertThat(Rollback.removeListener(listener)).isTrue();
        assertThat(Rollback.removeListener(listener)).isFalse();
        thrownBy(() -> orchestrators.atomically(() -> {
            throw new IllegalStateException("boom");
        }));
        assertThat(listener.events).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotStopTheRollbackAndIsAttachedToTheOriginalThrowable() {
        RuntimeException listenerFailure = new RuntimeException("listener broke");
        RollbackListener failing = new RollbackListener() {
            @Override
            public void onCompensation(String operationId, CompensationResult result) {
                throw listenerFailure;
            }
        };
        Rollback.addListener(failing);
        try {
            Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
                resources.acquire("a");
                resources.acquire("b");
                throw new IllegalStateException("boom");
            }));
            assertThat(journal.withPrefix("release ")).containsExactly("b", "a");
            assertThat(thrown.getSuppressed()).containsExactly(listenerFailure, listenerFailure);
        } finally {
            Rollback.removeListener(failing);
        }
    }

    @Test
    void aListenerFailingAtScopeStartPreventsTheScopeAndTheBody() {
        RollbackListener failing = new RollbackListener() {
            @Override
            public void onScopeStart(String operationId, String name) {
                throw new IllegalStateException("audit unavailable");
            }
        };
        Rollback.addListener(failing);
        try {
            Throwable thrown = thrownBy(() -> orchestrators.named(() -> journal.add("body ran")));
            assertThat(thrown).isInstanceOf(dev.rollback.RollbackException.class)
                    .hasMessageStartingWith("a RollbackListener failed in onScopeStart for scope 'create-agent' [")
                    .hasMessageEndingWith("], so the scope was not opened")
                    .hasRootCauseMessage("audit unavailable");
            assertThat(journal.entries()).isEmpty();
            assertThat(Rollback.current()).isEmpty();
        } finally {
            Rollback.removeListener(failing);
        }
    }
}
