package dev.rollback.recovery;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;
import dev.rollback.RollbackStateException;
import dev.rollback.durable.DurableRollback;
import dev.rollback.durable.Journal;
import dev.rollback.durable.TestStores;
import dev.rollback.durable.internal.LiveScope;
import dev.rollback.durable.internal.StepIntent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * D2, "in live rollback order", taken whole: recovery rolls a dead process's scope back as the
 * engine rolls back a live one, each compensation's {@code timeoutMillis} enforced and the installed
 * listeners told the same things in the same order.
 */
class RecoveryAsLiveTest {

    @TempDir
    Path temp;
    Path directory;

    @BeforeEach
    void paths() {
        directory = temp.resolve("journal");
        Ledger.use(temp.resolve("ledger"));
        Slow.started = new CountDownLatch(1);
        Slow.release = new CountDownLatch(1);
        Slow.ended = new CountDownLatch(1);
        Slow.ranOn = null;
        Slow.interrupted = false;
    }

    @Test
    void D2_recoveryEnforcesEachCompensationsTimeoutAsALiveRollbackDoesAndKeepsTheScopeForTheNextRecovery()
            throws InterruptedException {
        leave("slow", scope -> record(scope, new StepIntent(Slow.class.getName(), "hold",
                "(Ljava/lang/String;)Ljava/lang/String;", "[\"s\"]", 0, 300, 0), "\"s\""));

        List<RollbackReport> first = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> recover());

        CompensationResult timedOut = first.get(0).actions().get(0);
        assertThat(timedOut.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(timedOut.error()).get().isInstanceOf(TimeoutException.class).extracting(Throwable::getMessage)
                .asString().startsWith("compensation 'Slow.hold(s)' of operation " + first.get(0).operationId()
                        + " did not finish within 300 ms; its thread 'rollback-compensation-");
        assertThat(Slow.ranOn.getName()).startsWith("rollback-compensation-" + first.get(0).operationId() + "-");
        assertThat(Slow.ranOn).isNotSameAs(Thread.currentThread());
        assertThat(Slow.ended.await(10, TimeUnit.SECONDS)).as("the abandoned attempt ended").isTrue();
        assertThat(Slow.interrupted).as("the abandoned attempt was interrupted").isTrue();

        Slow.release = new CountDownLatch(0);
        List<RollbackReport> second = recover();
        assertThat(second).as("kept, tried again").hasSize(1);
        assertThat(second.get(0).actions()).extracting(CompensationResult::outcome).containsExactly(Outcome.SUCCEEDED);
        assertThat(Ledger.lines()).containsExactly(second.get(0).operationId() + ":1 undid s");
        assertThat(recover()).isEmpty();
    }

    @Test
    void D2_recoveryTellsTheListenersWhatALiveRollbackTellsThemInTheSameOrder() {
        Calls live = new Calls();
        try (Journal journal = Journal.file(temp.resolve("live"))) {
            DurableRollback.install(journal);
            Rollback.addListener(live);
            try {
                assertThatThrownBy(() -> Rollback.scope("listened").durable(true).run(() -> {
                    new Workspaces().insert("row-a");
                    new Workspaces().insert("row-b");
                    throw new IllegalStateException("fails");
                })).hasMessage("fails");
            } finally {
                Rollback.removeListener(live);
                DurableRollback.uninstall(journal);
            }
        }
        leave("listened", scope -> {
            record(scope, insert("row-a"), "\"row-a\"");
            record(scope, insert("row-b"), "\"row-b\"");
        });
        Calls recovered = new Calls();
        Rollback.addListener(recovered);
        List<RollbackReport> reports;
        try {
            reports = recover();
        } finally {
            Rollback.removeListener(recovered);
        }
        String id = reports.get(0).operationId();

        assertThat(recovered.calls).containsExactly(
                "onScopeStart listened",
                "onRollbackStart listened [Workspaces.insert(row-b), Workspaces.insert(row-a)] cause: OwnerGone: durable"
                        + " scope 'listened' [" + id + "] was left open by owner " + id.substring(0, id.lastIndexOf('-'))
                        + " (pid ...)",
                "onCompensation Workspaces.insert(row-b) SUCCEEDED",
                "onCompensation Workspaces.insert(row-a) SUCCEEDED",
                "onRollback listened 2 complete",
                "onScopeEnd listened rolled back");
        assertThat(live.calls).hasSameSizeAs(recovered.calls);
        for (int i = 0; i < live.calls.size(); i++) {
            assertThat(recovered.calls.get(i)).startsWith(live.calls.get(i).replaceAll(" cause: .*", " cause: "));
        }
        assertThat(recovered.operationIds).containsOnly(reports.get(0).operationId());
    }

    @Test
    void D2_aListenerThatFailsDuringRecoveryIsThrownOnceRecoveryRanToItsEnd() {
        leave("listened", scope -> record(scope, insert("row-a"), "\"row-a\""));
        RollbackListener failing = new RollbackListener() {
            @Override
            public void onCompensation(String operationId, CompensationResult result) {
                throw new IllegalStateException("listener broken");
            }
        };
        Rollback.addListener(failing);
        try {
            assertThatThrownBy(this::recover).isInstanceOf(RollbackStateException.class)
                    .hasMessageContaining("recovery ran to its end (")
                    .hasMessageEndingWith("but 1 RollbackListener call(s) failed; see the suppressed exceptions")
                    .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                            .containsExactly("listener broken"));
        } finally {
            Rollback.removeListener(failing);
        }
        assertThat(Ledger.lines()).hasSize(1).allMatch(line -> line.endsWith(" removed row-a"));
        assertThat(recover()).as("the scope was closed: the listener's failure changes nothing of it").isEmpty();
    }

    /** Each callback, with the scope's operation name: the ids differ between a live scope and a recovered one. */
    private static final class Calls implements RollbackListener {
        final List<String> calls = new ArrayList<>();
        final List<String> operationIds = new ArrayList<>();

        @Override
        public void onScopeStart(String operationId, String name) {
            operationIds.add(operationId);
            calls.add("onScopeStart " + name);
        }

        @Override
        public void onRollbackStart(String operationId, String name, List<String> compensations,
                                    Optional<Throwable> cause) {
            operationIds.add(operationId);
            calls.add("onRollbackStart " + name + " " + compensations + " cause: " + cause.map(t -> t.getClass().getSimpleName()
                    + ": " + t.getMessage().replaceAll(" \\(pid .*", " (pid ...)")).orElse("none"));
        }

        @Override
        public void onCompensation(String operationId, CompensationResult result) {
            operationIds.add(operationId);
            calls.add("onCompensation " + result.description() + " " + result.outcome());
        }

        @Override
        public void onRollback(RollbackReport report) {
            operationIds.add(report.operationId());
            calls.add("onRollback " + report.name() + " " + report.actions().size() + (report.isComplete() ? " complete" : " incomplete"));
        }

        @Override
        public void onScopeEnd(String operationId, String name, boolean rolledBack) {
            operationIds.add(operationId);
            calls.add("onScopeEnd " + name + (rolledBack ? " rolled back" : " committed"));
        }
    }

    private static StepIntent insert(String row) {
        return new StepIntent(Workspaces.class.getName(), "insert", "(Ljava/lang/String;)Ljava/lang/String;",
                "[\"" + row + "\"]", 0, 0, 0);
    }

    /** Writes a scope as a process would that died with it open: this JVM's journal, closed. */
    private void leave(String operation, Consumer<LiveScope> steps) {
        try (Journal gone = Journal.file(directory)) {
            steps.accept(TestStores.of(gone).open(operation, null));
        }
    }

    private static void record(LiveScope scope, StepIntent intent, String result) {
        scope.recorded(scope.intent(intent), result);
    }

    private List<RollbackReport> recover() {
        try (Journal here = Journal.file(directory)) {
            DurableRollback.install(here);
            try {
                return DurableRollback.recover();
            } finally {
                DurableRollback.uninstall(here);
            }
        }
    }
}
