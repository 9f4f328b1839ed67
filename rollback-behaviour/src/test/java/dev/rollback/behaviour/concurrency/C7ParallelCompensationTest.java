package dev.rollback.behaviour.concurrency;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("C7: parallelCompensation runs equal priorities concurrently, priority groups one after another")
class C7ParallelCompensationTest extends ConcurrencyTest {

    @AfterEach
    void defaultParallelism() {
        Rollback.setParallelism(16);
    }

    @Test
    void threeUndosOfOnePriorityRunAtTheSameTimeAndGroupsNeverOverlap() {
        CyclicBarrier meet = new CyclicBarrier(3);
        List<String> events = new CopyOnWriteArrayList<>();

        Throwable thrown = thrownBy(() -> async.inParallel(() -> registerGroups(meet, events)));

        assertThat(thrown).hasMessage("fail");
        assertGroupsRanInOrderWithoutOverlap(events);
    }

    @Test
    void theProgrammaticScopeRunsThemTheSameWay() {
        CyclicBarrier meet = new CyclicBarrier(3);
        List<String> events = new CopyOnWriteArrayList<>();

        Throwable thrown = thrownBy(() -> Rollback.scope("parallel").parallelCompensation(true)
                .run(() -> registerGroups(meet, events)));

        assertThat(thrown).hasMessage("fail");
        assertGroupsRanInOrderWithoutOverlap(events);
    }

    @Test
    void theReportListsThemInRollbackOrderWithEachOutcomeRetriesAndTimeouts() {
        Throwable thrown = thrownBy(() -> async.inParallel(() -> {
            Rollback.register("ok-1", () -> { });
            Rollback.register("fails", () -> {
                throw new IllegalStateException("undo fails");
            });
            Rollback.register("stuck", 0, Duration.ofMillis(50), 0, () -> Thread.sleep(10_000));
            AtomicInteger attempts = new AtomicInteger();
            Rollback.register("flaky", 0, Duration.ZERO, 2, () -> {
                if (attempts.incrementAndGet() < 3) {
                    throw new IllegalStateException("not yet");
                }
            });
            Rollback.register("ok-5", () -> { });
            throw new IllegalStateException("fail");
        }));

        RollbackIncompleteException incomplete = (RollbackIncompleteException) thrown.getSuppressed()[0];
        List<CompensationResult> actions = incomplete.report().actions();
        assertThat(actions).extracting(CompensationResult::description).containsExactly("ok-5", "flaky", "stuck", "fails", "ok-1");
        assertThat(actions).extracting(CompensationResult::outcome).containsExactly(Outcome.SUCCEEDED, Outcome.SUCCEEDED,
                Outcome.TIMED_OUT, Outcome.FAILED, Outcome.SUCCEEDED);
        assertThat(actions).extracting(CompensationResult::attempts).containsExactly(1, 3, 1, 1, 1);
        assertThat(actions.get(3).error()).get().extracting(Throwable::getMessage).isEqualTo("undo fails");
    }

    @Test
    void noMoreThanTheParallelismRunAtOnce() {
        Rollback.setParallelism(2);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier pairs = new CyclicBarrier(2);

        thrownBy(() -> async.inParallel(() -> {
            for (int i = 0; i < 6; i++) {
                Rollback.register("undo " + i, () -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    pairs.await(10, TimeUnit.SECONDS);
                    inFlight.decrementAndGet();
                });
            }
            throw new IllegalStateException("fail");
        }));

        assertThat(most).hasValue(2);
        assertThat(thrownBy(() -> Rollback.setParallelism(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelism 0; accepted: 1 or more (1 runs equal priorities one after another)");
    }

    private static void registerGroups(CyclicBarrier meet, List<String> events) {
        for (int i = 0; i < 3; i++) {
            String name = "high-" + i;
            Rollback.register(name, 10, () -> {
                events.add("start " + name);
                meet.await(10, TimeUnit.SECONDS); // all three must be running at once to pass
                events.add("end " + name);
            });
        }
        for (int i = 0; i < 3; i++) {
            String name = "low-" + i;
            Rollback.register(name, 0, () -> {
                events.add("start " + name);
                events.add("end " + name);
            });
        }
        throw new IllegalStateException("fail");
    }

    private static void assertGroupsRanInOrderWithoutOverlap(List<String> events) {
        assertThat(events).hasSize(12);
        List<String> firstSix = events.subList(0, 6);
        assertThat(firstSix).allMatch(e -> e.contains("high-"));
        assertThat(firstSix.subList(0, 3)).allMatch(e -> e.startsWith("start"));
        assertThat(events.subList(6, 12)).allMatch(e -> e.contains("low-"));
    }
}
