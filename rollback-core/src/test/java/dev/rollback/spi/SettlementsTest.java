package dev.rollback.spi;

import dev.rollback.Rollback;
import dev.rollback.RollbackReport;
import dev.rollback.RollbackScope;
import dev.rollback.RollbackStateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("SettlementPolicy: an outermost scope may be settled later, exactly once, by what deferred it")
class SettlementsTest {

    private final List<Settlement> deferred = new ArrayList<>();
    private final List<String> undone = new ArrayList<>();
    private final SettlementPolicy policy = settlement -> deferred.add(settlement);

    @AfterEach
    void uninstall() {
        Settlements.uninstall(policy);
    }

    @Test
    void aFailedScopeIsRolledBackOnlyWhenTheSettlementSaysSo() {
        Settlements.install(policy);
        IllegalStateException failure = new IllegalStateException("fails");

        assertThatThrownBy(() -> Rollback.run("deferred", () -> {
            Rollback.register("undo", () -> undone.add("undo"));
            throw failure;
        })).isSameAs(failure);

        assertThat(undone).isEmpty();
        assertThat(Rollback.current()).isEmpty();
        Settlement settlement = deferred.get(0);
        assertThat(settlement.rollsBack()).isTrue();
        assertThat(settlement.cause()).containsSame(failure);
        assertThat(settlement.name()).isEqualTo("deferred");
        assertThat(settlement.pending()).extracting(c -> c.description()).containsExactly("undo");
        RollbackReport report = settlement.rollBack();
        assertThat(undone).containsExactly("undo");
        assertThat(report.isComplete()).isTrue();
        assertThat(report.operationId()).isEqualTo(settlement.operationId());
        assertThatThrownBy(settlement::forget).isInstanceOf(RollbackStateException.class)
                .hasMessageEndingWith("was deferred and has been settled already; accepted: one call of rollBack()"
                        + " or forget() per deferred scope");
    }

    @Test
    void aScopeThatSucceededCanStillBeRolledBackOrForgotten() {
        Settlements.install(policy);
        Rollback.run("first", () -> Rollback.register("first", () -> undone.add("first")));
        try (RollbackScope scope = Rollback.begin("second")) {
            Rollback.register("second", () -> undone.add("second"));
            scope.commit();
        }

        assertThat(deferred).extracting(Settlement::rollsBack).containsExactly(false, false);
        deferred.get(0).rollBack();
        deferred.get(1).forget();
        assertThat(undone).containsExactly("first");
    }

    @Test
    void nestedScopesAreNotAskedAndWithoutAPolicyNothingChanges() {
        Settlements.install(policy);
        Rollback.run("outer", () -> Rollback.run("inner", () -> Rollback.register("r", () -> undone.add("r"))));
        assertThat(deferred).extracting(Settlement::name).containsExactly("outer");

        assertThat(Settlements.uninstall(policy)).isTrue();
        assertThat(Settlements.uninstall(policy)).isFalse();
        assertThatThrownBy(() -> Rollback.run("now", () -> {
            Rollback.register("now", () -> undone.add("now"));
            throw new IllegalStateException("fails");
        })).hasMessage("fails");
        assertThat(undone).containsExactly("now");
    }

    @Test
    void aDeferredScopeKeepsWhatItsTasksRecordUntilItIsSettled() throws Exception {
        Settlements.install(policy);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch proceed = new CountDownLatch(1);
            List<Future<?>> task = new ArrayList<>();
            Rollback.run("with a task", () -> task.add(Rollback.executor(pool).submit(() -> {
                proceed.await();
                Rollback.register("late", () -> undone.add("late"));
                return null;
            })));
            proceed.countDown();
            task.get(0).get(10, TimeUnit.SECONDS);

            assertThat(deferred.get(0).pending()).extracting(c -> c.description()).containsExactly("late");
            deferred.get(0).rollBack();
            assertThat(undone).containsExactly("late");
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
