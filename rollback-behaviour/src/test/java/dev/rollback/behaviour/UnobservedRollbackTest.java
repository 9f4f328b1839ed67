package dev.rollback.behaviour;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A rollback that nobody watches builds no results and no report, for speed; these tests pin down
 * that whatever can still be seen is whole.
 */
@DisplayName("Semantics 9, with nobody listening: the report that can still be seen is whole")
class UnobservedRollbackTest extends BehaviourTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.rollback");
    private Level previous;

    @BeforeEach
    void silenceTheDefaultListener() {
        previous = logger.getLevel();
        logger.setLevel(Level.OFF);
    }

    @AfterEach
    void restoreTheDefaultListener() {
        logger.setLevel(previous);
    }

    @Test
    void anIncompleteRollbackReportsEveryCompensationWhenNobodyListens() {
        Instant before = Instant.now();
        Throwable thrown = thrownBy(() -> orchestrators.named(() -> {
            resources.acquire("a");
            resources.acquireFlakyUndo("b");
            resources.acquireBrokenUndo("c");
            resources.acquireUrgent("d");
            throw new IllegalStateException("boom");
        }));
        RollbackReport report = ((RollbackIncompleteException) thrown.getSuppressed()[0]).report();
        assertThat(report.name()).isEqualTo("create-agent");
        assertThat(report.start()).isBetween(before, Instant.now());
        assertThat(report.actions()).extracting(CompensationResult::description, CompensationResult::priority,
                        CompensationResult::outcome, CompensationResult::attempts)
                .containsExactly(
                        tuple("Resources.acquireUrgent(d)", 10, Outcome.SUCCEEDED, 1),
                        tuple("Resources.acquireBrokenUndo(c)", 0, Outcome.FAILED, 1),
                        tuple("Resources.acquireFlakyUndo(b)", 0, Outcome.SUCCEEDED, 3),
                        tuple("Resources.acquire(a)", 0, Outcome.SUCCEEDED, 1));
        assertThat(report.actions()).allSatisfy(a -> assertThat(a.duration()).isGreaterThanOrEqualTo(Duration.ZERO));
        Duration sum = report.actions().stream().map(CompensationResult::duration).reduce(Duration.ZERO, Duration::plus);
        assertThat(sum).isLessThanOrEqualTo(report.duration());
        // the flaky one waited out two back-offs, so its own duration shows them
        assertThat(report.actions().get(2).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(report.completeness()).isEqualTo(75.0);
    }

    @Test
    void aListenerOfReportsAloneReceivesTheWholeReportOfACompleteRollback() {
        List<RollbackReport> reports = new ArrayList<>();
        RollbackListener listener = new RollbackListener() {
            @Override
            public void onRollback(RollbackReport report) {
                reports.add(report);
            }
        };
        Rollback.addListener(listener);
        try {
            thrownBy(() -> orchestrators.named(() -> {
                resources.acquire("a");
                resources.acquire("b");
                throw new IllegalStateException("boom");
            }));
        } finally {
            Rollback.removeListener(listener);
        }
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.isComplete()).isTrue();
            assertThat(report.actions()).extracting(CompensationResult::description, CompensationResult::outcome,
                            CompensationResult::attempts)
                    .containsExactly(tuple("Resources.acquire(b)", Outcome.SUCCEEDED, 1),
                            tuple("Resources.acquire(a)", Outcome.SUCCEEDED, 1));
        });
    }

    @Test
    void aListenerOfOutcomesAloneHearsEveryCompensation() {
        List<String> outcomes = new ArrayList<>();
        RollbackListener listener = new RollbackListener() {
            @Override
            public void onCompensation(String operationId, CompensationResult result) {
                outcomes.add(result.description() + " " + result.outcome());
            }
        };
        Rollback.addListener(listener);
        try {
            thrownBy(() -> orchestrators.named(() -> {
                resources.acquire("a");
                resources.acquireBrokenUndo("b");
                throw new IllegalStateException("boom");
            }));
        } finally {
            Rollback.removeListener(listener);
        }
        assertThat(outcomes).containsExactly("Resources.acquireBrokenUndo(b) FAILED", "Resources.acquire(a) SUCCEEDED");
    }

    @Test
    void aCompleteRollbackNobodyWatchesStillRunsEveryCompensation() {
        thrownBy(() -> orchestrators.named(() -> {
            resources.acquire("a");
            resources.acquireUrgent("b");
            throw new IllegalStateException("boom");
        }));
        assertThat(journal.entries()).containsSubsequence("release b", "release a");
    }
}
