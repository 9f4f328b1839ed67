package dev.rollback.recovery;

import dev.rollback.durable.Journal;
import dev.rollback.durable.DurableRollback;
import dev.rollback.CompensationConfigurationException;
import dev.rollback.Rollback;
import dev.rollback.RollbackStateException;
import dev.rollback.annotation.Propagation;
import dev.rollback.annotation.WithRollback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Durable scopes live, in this JVM under the agent, on the file journal. */
class DurableScopesTest {

    @TempDir
    Path temp;
    Journal journal;
    final Probe probe = new Probe();

    @BeforeEach
    void install() {
        journal = Journal.file(temp.resolve("journal"));
        DurableRollback.install(journal);
        Probe.store = dev.rollback.durable.TestStores.of(journal);
        Probe.seen.clear();
    }

    @AfterEach
    void close() {
        DurableRollback.uninstall(journal);
        journal.close();
    }

    @Test
    void D1_aDurableScopeWithNoJournalInstalledFailsAsItOpensBeforeItsBody() {
        DurableRollback.uninstall(journal);
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> Rollback.scope("orphan").durable(true).run(() -> ran.add("body")))
                .isInstanceOf(RollbackStateException.class)
                .hasMessage("durable scope 'orphan' cannot open: no journal is installed; accepted:"
                        + " DurableRollback.install(Journal.file(directory)) (module rollback-durable) before the scope"
                        + " opens, or -Drollback.journal=DIR with rollback-durable on the class path");
        assertThat(ran).isEmpty();
        assertThat(Rollback.current()).isEmpty();
    }

    @Test
    void D1_theIntentIsJournaledBeforeTheBodyAndTheRecordBeforeTheCallReturns() {
        Rollback.scope("probe").durable(true).run(() -> {
            probe.open("x");
            Probe.seen.add("returned: " + Probe.statuses());
        });

        assertThat(Probe.seen).containsExactly("body x: INTENDED(-)", "returned: RECORDED(\"opened-x\")");
        assertThat(Probe.store.read().open()).as("committed: closed").isEmpty();
    }

    @Test
    void D2_aLiveRollbackJournalsEachSuccessBeforeTheNextStarts() {
        assertThatThrownBy(() -> Rollback.scope("probe").durable(true).run(() -> {
            probe.open("first");
            probe.open("second");
            throw new IllegalStateException("fails");
        })).hasMessage("fails");

        assertThat(Probe.seen).hasSize(4);
        assertThat(Probe.seen.get(2)).startsWith("undo opened-second ").endsWith(
                ": RECORDED(\"opened-first\") RECORDED(\"opened-second\")");
        assertThat(Probe.seen.get(3)).startsWith("undo opened-first ").endsWith(
                ": RECORDED(\"opened-first\") COMPENSATED(\"opened-second\")");
        assertThat(Probe.store.read().open()).as("rolled back: closed").isEmpty();
    }

    @Test
    void D4_anArgumentThatCannotBeJournaledIsAConfigurationErrorNamingTheParameterBeforeTheBody() throws Exception {
        StringBuilder text = new StringBuilder();
        String parameter = Workspaces.class.getMethod("append", StringBuilder.class).getParameters()[0].getName();

        assertThatThrownBy(() -> Rollback.scope("d4").durable(true).run(() -> new Workspaces().append(text)))
                .isInstanceOf(CompensationConfigurationException.class)
                .hasMessageStartingWith("dev.rollback.recovery.Workspaces.append(java.lang.StringBuilder) cannot be called"
                        + " in a durable scope: its parameter 0 '" + parameter + "' of type java.lang.StringBuilder cannot be journaled");
        assertThat(text).as("the body did not run").isEmpty();
    }

    @Test
    void D4_theSameCallOutsideADurableScopeIsFine() {
        StringBuilder text = new StringBuilder();
        Rollback.run("plain", () -> new Workspaces().append(text));
        assertThat(text).hasToString("x");
    }

    @Test
    void D6_theIdempotencyKeyOfADurableRecordIsItsJournalStepKey() {
        String[] scopeId = new String[1];
        assertThatThrownBy(() -> Rollback.scope("keys").durable(true).run(() -> {
            probe.open("k");
            scopeId[0] = Probe.store.read().open().get(0).id();
            throw new IllegalStateException("fails");
        })).hasMessage("fails");

        assertThat(Probe.seen.get(1)).startsWith("undo opened-k " + scopeId[0] + ":1: ");
    }

    @Test
    void D6_theIdempotencyKeyOfAnyOtherRecordIsStableThroughItsRetries() {
        List<String> keys = new ArrayList<>();
        String[] operation = new String[1];
        assertThatThrownBy(() -> Rollback.scope("retried").run(() -> {
            operation[0] = Rollback.current().orElseThrow().operationId();
            Rollback.register("flaky", 0, java.time.Duration.ZERO, 2, () -> {
                keys.add(Rollback.idempotencyKey());
                if (keys.size() < 3) {
                    throw new IllegalStateException("not yet");
                }
            });
            throw new IllegalStateException("fails");
        })).hasMessage("fails");

        assertThat(keys).hasSize(3).containsOnly(keys.get(0));
        assertThat(keys.get(0)).matches(java.util.regex.Pattern.quote(operation[0]) + ":\\d+");
    }

    @Test
    void D6_theIdempotencyKeyOutsideACompensationIsAStateError() {
        assertThatThrownBy(Rollback::idempotencyKey).isInstanceOf(RollbackStateException.class)
                .hasMessageContaining("where no compensation runs; accepted: inside a compensation, while it runs");
    }

    @Test
    void aLambdaRegisteredInADurableScopeIsRefused() {
        assertThatThrownBy(() -> Rollback.scope("lambda").durable(true).run(
                () -> Rollback.register("undo", () -> { })))
                .isInstanceOf(RollbackStateException.class)
                .hasMessageContaining("a lambda cannot be journaled, so recovery could not run it");
    }

    @Test
    void aNestedScopeIsDurableAndHandsItsStepsToItsParent() {
        String[] seenInside = new String[1];
        assertThatThrownBy(() -> new Nesting().outer(probe, seenInside)).hasMessage("outer fails");

        assertThat(seenInside[0]).as("after the nested scope succeeded").isEqualTo("RECORDED(\"opened-inner\")");
        assertThat(Probe.seen).anyMatch(line -> line.startsWith("undo opened-inner "));
        assertThat(Probe.store.read().open()).isEmpty();
    }

    @Test
    void aRequiresNewScopeInsideADurableScopeCommitsOnItsOwn() {
        assertThatThrownBy(() -> Rollback.scope("outer").durable(true).run(() -> {
            Rollback.scope("inner").propagation(Propagation.REQUIRES_NEW).run(() -> probe.open("kept"));
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(Probe.seen).noneMatch(line -> line.startsWith("undo"));
        assertThat(Probe.store.read().open()).isEmpty();
    }

    @Test
    void C4_aTaskStillRunningAfterItsDurableNestedScopeSucceededJournalsItsCallInTheParent() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch innerClosed = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<?>> task = new ArrayList<>();
        try {
            assertThatThrownBy(() -> Rollback.scope("outer").durable(true).run(() -> {
                Rollback.scope("inner").run(() -> task.add(Rollback.executor(pool).submit(() -> {
                    innerClosed.await();
                    return probe.open("late");
                })));
                innerClosed.countDown();
                task.get(0).get();
                throw new IllegalStateException("outer fails");
            })).hasMessage("outer fails");
        } finally {
            pool.shutdownNow();
        }

        assertThat(Probe.seen).anyMatch(line -> line.startsWith("undo opened-late "));
        assertThat(Probe.store.read().open()).isEmpty();
    }

    @Test
    void aScopeThatIsNotDurableJournalsNothing() {
        Rollback.run("plain", () -> {
            probe.open("memory");
            Probe.seen.add("journal: " + Probe.statuses());
        });
        assertThat(Probe.seen).containsExactly("body memory: ", "journal: ");
    }

    /** Annotated durable scopes, one nested in the other. */
    static class Nesting {
        @WithRollback(value = "outer", durable = true)
        void outer(Probe probe, String[] seenInside) {
            inner(probe);
            seenInside[0] = Probe.statuses();
            throw new IllegalStateException("outer fails");
        }

        @WithRollback("inner")
        void inner(Probe probe) {
            probe.open("inner");
        }
    }
}
