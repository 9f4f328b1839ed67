package dev.rollback;

import dev.rollback.annotation.Propagation;
import dev.rollback.spi.Settlement;
import dev.rollback.spi.SettlementPolicy;
import dev.rollback.spi.Settlements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("RollbackListener.onScopeEnd: every scope that started ends once, when it has settled")
class ScopeEndListenerTest {

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final RollbackListener listener = new RollbackListener() {
        @Override
        public void onScopeStart(String operationId, String name) {
            events.add("start " + name);
        }

        @Override
        public void onRollback(RollbackReport report) {
            events.add("report " + report.name());
        }

        @Override
        public void onScopeEnd(String operationId, String name, boolean rolledBack) {
            events.add((rolledBack ? "rolled back " : "committed ") + name);
        }
    };

    @AfterEach
    void removeListener() {
        Rollback.removeListener(listener);
    }

    @Test
    void nestedAndOutermostScopesEndAfterTheyCommitOrAfterTheirReport() {
        Rollback.addListener(listener);
        Rollback.run("outer", () -> {
            Rollback.run("inner", () -> Rollback.register("r", () -> { }));
            assertThatThrownBy(() -> Rollback.run("failing", () -> {
                Rollback.register("f", () -> { });
                throw new IllegalStateException("fails");
            })).hasMessage("fails");
        });
        try (RollbackScope scope = Rollback.begin("not committed", Propagation.REQUIRES_NEW)) {
            Rollback.register("n", () -> { });
        }

        assertThat(events).containsExactly("start outer", "start inner", "committed inner", "start failing",
                "report failing", "rolled back failing", "committed outer", "start not committed",
                "report not committed", "rolled back not committed");
    }

    @Test
    void aScopeThatFollowsAFutureEndsWhenTheFutureCompletes() {
        Rollback.addListener(listener);
        CompletableFuture<String> stage = new CompletableFuture<>();
        CompletableFuture<String> caller = Rollback.async("async", () -> stage);
        assertThat(events).containsExactly("start async");

        stage.completeExceptionally(new IllegalStateException("fails"));
        assertThat(caller).isCompletedExceptionally();
        assertThat(events).containsExactly("start async", "report async", "rolled back async");
    }

    @Test
    void aDeferredScopeEndsWhenItIsSettled() {
        List<Settlement> deferred = new ArrayList<>();
        SettlementPolicy policy = deferred::add;
        Settlements.install(policy);
        try {
            Rollback.addListener(listener);
            Rollback.run("deferred", () -> Rollback.register("d", () -> { }));
            assertThat(events).containsExactly("start deferred");
            deferred.get(0).forget();
            assertThat(events).containsExactly("start deferred", "committed deferred");
        } finally {
            Settlements.uninstall(policy);
        }
    }

    @Test
    void aListenerFailingAtTheEndOfACommitLeavesTheClosingCallAfterTheScopeEnded() {
        IllegalStateException broken = new IllegalStateException("listener broken");
        RollbackListener failing = new RollbackListener() {
            @Override
            public void onScopeEnd(String operationId, String name, boolean rolledBack) {
                throw broken;
            }
        };
        Rollback.addListener(failing);
        try {
            assertThatThrownBy(() -> Rollback.run("committing", () -> { }))
                    .isInstanceOf(RollbackException.class)
                    .hasMessageStartingWith("a RollbackListener failed in onScopeEnd for scope 'committing' [")
                    .hasMessageEndingWith("], which committed")
                    .hasCauseReference(broken);
            assertThat(Rollback.current()).isEmpty();

            IllegalStateException failure = new IllegalStateException("body fails");
            assertThatThrownBy(() -> Rollback.run("rolling back", () -> {
                Rollback.register("x", () -> { });
                throw failure;
            })).isSameAs(failure);
            assertThat(failure.getSuppressed()).containsExactly(broken);
        } finally {
            Rollback.removeListener(failing);
        }
    }
}
