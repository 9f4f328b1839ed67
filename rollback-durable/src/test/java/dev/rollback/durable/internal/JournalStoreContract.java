package dev.rollback.durable.internal;

import dev.rollback.durable.JournalException;
import dev.rollback.durable.internal.codec.Samples;
import dev.rollback.durable.internal.codec.ValueCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every journal does, whatever it stores in: run by the file journal, H2 and PostgreSQL. A
 * store closed stands for an owner that died in this JVM; a child JVM, killed, for one that died
 * for real.
 */
public abstract class JournalStoreContract {

    private final List<JournalStore> stores = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();

    protected abstract StoreFixture fixture();

    protected JournalStore store() {
        JournalStore store = fixture().open();
        stores.add(store);
        return store;
    }

    @AfterEach
    void closeStoresAndEndChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        for (JournalStore store : stores) {
            store.close();
        }
    }

    static StepIntent intent(int priority) {
        return new StepIntent("com.acme.Tabs", "open", "(Ljava/lang/String;)Ljava/nio/file/Path;", "[\"t\"]", priority, 0, 0);
    }

    @Test
    void readsBackAnOpenScopeOfADeadOwnerWithWhatIsKnownOfEachStep() {
        JournalStore dying = store();
        LiveScope scope = dying.open("create-agent", null);
        int first = scope.intent(intent(10));
        scope.recorded(first, "\"/srv/a\"");
        int second = scope.intent(intent(20));
        scope.recorded(second, "\"/srv/b\"");
        int third = scope.intent(intent(0));
        scope.compensated(new StepKey(scope.scopeId(), second));
        Owner owner = dying.owner();
        dying.close();

        JournalStore reader = store();
        JournalState state = reader.read();

        assertThat(state.damaged()).isEmpty();
        ScopeState read = state.scope(scope.scopeId()).orElseThrow();
        assertThat(read.operation()).isEqualTo("create-agent");
        assertThat(read.owner()).isEqualTo(owner);
        assertThat(read.holder()).isEqualTo(owner);
        assertThat(read.parentId()).isEmpty();
        assertThat(read.steps()).extracting(StepState::status).containsExactly(StepState.Status.RECORDED,
                StepState.Status.COMPENSATED, StepState.Status.INTENDED);
        assertThat(read.steps()).extracting(StepState::idempotencyKey).containsExactly(scope.scopeId() + ":" + first,
                scope.scopeId() + ":" + second, scope.scopeId() + ":" + third);
        assertThat(read.steps().get(0).encodedResult()).contains("\"/srv/a\"");
        assertThat(read.steps().get(2).encodedResult()).isEmpty();
        assertThat(read.steps().get(0).intent()).isEqualTo(intent(10));
        assertThat(reader.isAlive(owner)).isFalse();
        assertThat(reader.isAlive(reader.owner())).isTrue();
    }

    @Test
    void givesTheStepsStillToUndoInLiveRollbackOrder() {
        JournalStore dying = store();
        LiveScope scope = dying.open("op", null);
        int low = scope.intent(intent(0));
        scope.recorded(low, "1");
        int high = scope.intent(intent(50));
        scope.recorded(high, "2");
        int lowNewer = scope.intent(intent(0));
        scope.recorded(lowNewer, "3");
        int unrecorded = scope.intent(intent(0));
        dying.close();

        ScopeState read = store().read().scope(scope.scopeId()).orElseThrow();

        assertThat(read.pendingInRollbackOrder()).extracting(step -> step.key().step())
                .containsExactly(high, unrecorded, lowNewer, low);
    }

    @Test
    void readsNoScopeThatClosedWhetherItCommittedOrRolledBack() {
        JournalStore dying = store();
        LiveScope committed = dying.open("a", null);
        committed.recorded(committed.intent(intent(0)), "null");
        committed.closed(ScopeOutcome.COMMITTED);
        LiveScope rolledBack = dying.open("b", null);
        int step = rolledBack.intent(intent(0));
        rolledBack.recorded(step, "null");
        rolledBack.compensated(new StepKey(rolledBack.scopeId(), step));
        rolledBack.closed(ScopeOutcome.ROLLED_BACK);
        LiveScope open = dying.open("c", null);
        dying.close();

        JournalState state = store().read();

        assertThat(state.open()).extracting(ScopeState::id).containsExactly(open.scopeId());
        assertThat(state.damaged()).isEmpty();
    }

    @Test
    void aNestedScopeThatCompletedHandsItsStepsToTheScopeItOpenedIn() {
        JournalStore dying = store();
        LiveScope outer = dying.open("outer", null);
        outer.recorded(outer.intent(intent(0)), "\"outer\"");
        LiveScope inner = dying.open("inner", outer);
        int innerStep = inner.intent(intent(0));
        inner.recorded(innerStep, "\"inner\"");
        inner.handedOver();
        outer.compensated(new StepKey(inner.scopeId(), innerStep));
        LiveScope stillOpen = dying.open("still-open", outer);
        dying.close();

        JournalState state = store().read();

        ScopeState read = state.scope(outer.scopeId()).orElseThrow();
        assertThat(read.steps()).extracting(StepState::idempotencyKey)
                .containsExactly(outer.scopeId() + ":1", inner.scopeId() + ":1");
        assertThat(read.step(new StepKey(inner.scopeId(), innerStep)).orElseThrow().status())
                .isEqualTo(StepState.Status.COMPENSATED);
        assertThat(state.scope(inner.scopeId())).isEmpty();
        assertThat(state.innermostFirst()).extracting(ScopeState::id).containsExactly(stillOpen.scopeId(), outer.scopeId());
        assertThat(state.scope(stillOpen.scopeId()).orElseThrow().parentId()).contains(outer.scopeId());
    }

    @Test
    void refusesEntriesTheScopeCouldNotHaveWritten() {
        JournalStore store = store();
        LiveScope scope = store.open("op", null);
        int step = scope.intent(intent(0));
        assertThatThrownBy(() -> scope.recorded(step + 1, "null")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("step " + scope.scopeId() + ":2 cannot be recorded: it has no intent");
        scope.recorded(step, "null");
        assertThatThrownBy(() -> scope.recorded(step, "null")).hasMessageContaining("it has a record already");
        scope.compensated(new StepKey(scope.scopeId(), step));
        assertThatThrownBy(() -> scope.compensated(new StepKey(scope.scopeId(), step)))
                .hasMessageContaining("was compensated already");
        assertThatThrownBy(scope::handedOver).hasMessageContaining("was opened in no durable scope");
        scope.closed(ScopeOutcome.ROLLED_BACK);
        assertThatThrownBy(() -> scope.intent(intent(0))).hasMessageContaining("scope " + scope.scopeId() + " is closed");
        store.close();
        assertThatThrownBy(() -> store.open("late", null)).isInstanceOf(JournalException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void aDeadOwnersScopeIsClaimedByOneRecovererAtATimeAndNeverAgainOnceClosed() throws Exception {
        JournalStore dying = store();
        LiveScope scope = dying.open("op", null);
        int step = scope.intent(intent(0));
        scope.recorded(step, "null");
        dying.close();
        JournalStore recoverer = store();

        Optional<Claim> claim;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<Claim>> one = threads.submit(() -> { start.await(); return recoverer.claim(scope.scopeId()); });
            Future<Optional<Claim>> two = threads.submit(() -> { start.await(); return recoverer.claim(scope.scopeId()); });
            List<Optional<Claim>> both = List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));
            assertThat(both).filteredOn(Optional::isPresent).hasSize(1);
            claim = both.stream().filter(Optional::isPresent).findFirst().orElseThrow();
        } finally {
            threads.shutdownNow();
        }
        try (Claim held = claim.orElseThrow()) {
            assertThat(held.scope().steps()).singleElement().extracting(StepState::status).isEqualTo(StepState.Status.RECORDED);
            held.compensated(new StepKey(scope.scopeId(), step));
            held.closed(ScopeOutcome.ROLLED_BACK);
        }

        assertThat(recoverer.read().open()).isEmpty();
        assertThat(recoverer.claim(scope.scopeId())).isEmpty();
    }

    @Test
    void aClaimLetGoUnfinishedLeavesTheScopeForTheNextRecovererWithWhatWasDone() {
        JournalStore dying = store();
        LiveScope scope = dying.open("op", null);
        int first = scope.intent(intent(0));
        scope.recorded(first, "null");
        int second = scope.intent(intent(0));
        scope.recorded(second, "null");
        dying.close();
        JournalStore recoverer = store();
        try (Claim claim = recoverer.claim(scope.scopeId()).orElseThrow()) {
            claim.compensated(new StepKey(scope.scopeId(), second));
        }
        recoverer.close();

        JournalStore next = store();
        ScopeState read = next.read().scope(scope.scopeId()).orElseThrow();

        assertThat(read.holder()).isEqualTo(recoverer.owner());
        assertThat(read.pendingInRollbackOrder()).extracting(step -> step.key().step()).containsExactly(first);
        try (Claim claim = next.claim(scope.scopeId()).orElseThrow()) {
            claim.compensated(new StepKey(scope.scopeId(), first));
            claim.closed(ScopeOutcome.ROLLED_BACK);
        }
        assertThat(next.read().open()).isEmpty();
    }

    @Test
    void aRecovererThatLetGoOfAClaimMayClaimTheScopeAgainButNeverItsOwnLiveScope() {
        JournalStore dying = store();
        LiveScope scope = dying.open("op", null);
        scope.recorded(scope.intent(intent(0)), "null");
        dying.close();
        JournalStore recoverer = store();
        LiveScope own = recoverer.open("own", null);

        recoverer.claim(scope.scopeId()).orElseThrow().close();

        try (Claim again = recoverer.claim(scope.scopeId()).orElseThrow()) {
            assertThat(again.scope().holder()).isEqualTo(recoverer.owner());
            again.closed(ScopeOutcome.ROLLED_BACK);
        }
        assertThat(recoverer.claim(own.scopeId())).isEmpty();
    }

    @Test
    void leavesAScopeAloneWhileTheProcessThatOwnsItLivesAndTakesItOnceThatProcessIsKilled() throws Exception {
        JournalStore recoverer = store();
        Process child = child("own", "-");
        String[] ready = firstLine(child).split(" ");
        assertThat(ready[0]).as("the child's first line").isEqualTo("ready");
        ScopeState scope = recoverer.read().scope(ready[1]).orElseThrow();

        assertThat(recoverer.isAlive(scope.owner())).isTrue();
        assertThat(recoverer.claim(scope.id())).isEmpty();

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(recoverer.isAlive(scope.owner())).isFalse();
        try (Claim claim = recoverer.claim(scope.id()).orElseThrow()) {
            claim.closed(ScopeOutcome.ROLLED_BACK);
        }
    }

    @Test
    void aScopeClaimedInAnotherProcessIsNotClaimedHereUntilThatProcessDies() throws Exception {
        JournalStore dying = store();
        LiveScope scope = dying.open("op", null);
        scope.recorded(scope.intent(intent(0)), "null");
        dying.close();
        JournalStore recoverer = store();
        Process child = child("claim", scope.scopeId());
        assertThat(firstLine(child)).isEqualTo("claimed");

        assertThat(recoverer.claim(scope.scopeId())).isEmpty();

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (Claim claim = recoverer.claim(scope.scopeId()).orElseThrow()) {
            assertThat(claim.scope().holder().id()).isNotEqualTo(dying.owner().id());
            claim.closed(ScopeOutcome.ROLLED_BACK);
        }
    }

    @Test
    void roundTripsEveryAcceptedKindOfValueThroughTheJournal() {
        JournalStore dying = store();
        LiveScope scope = dying.open("values", null);
        List<Samples.Sample> samples = Samples.all();
        for (Samples.Sample sample : samples) {
            ValueCodec codec = ValueCodec.of(sample.method());
            int step = scope.intent(StepIntent.of(sample.method(), codec.encodeArguments(new Object[] {sample.value()}), 0, 0, 0));
            scope.recorded(step, codec.encodeResult(sample.value()));
        }
        dying.close();

        List<StepState> steps = store().read().scope(scope.scopeId()).orElseThrow().steps();

        assertThat(steps).hasSize(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            Samples.Sample sample = samples.get(i);
            ValueCodec codec = ValueCodec.of(sample.method());
            StepState step = steps.get(i);
            assertThat(step.intent().method()).isEqualTo(sample.method().getName());
            assertThat(step.intent().descriptor()).isEqualTo(Descriptors.of(sample.method()));
            Object argument = codec.decodeArguments(step.intent().arguments())[0];
            Object result = codec.decodeResult(step.encodedResult().orElseThrow());
            assertThat(Objects.deepEquals(argument, sample.value())).as("%s argument %s", sample, argument).isTrue();
            assertThat(Objects.deepEquals(result, sample.value())).as("%s result %s", sample, result).isTrue();
        }
    }

    @Test
    void compactionRemovesWhatOnlyClosedScopesNeededAndKeepsOpenScopesReadable() {
        JournalStore dying = store();
        LiveScope recovered = dying.open("recovered", null);
        recovered.recorded(recovered.intent(intent(0)), "null");
        dying.close();
        JournalStore second = store();
        LiveScope open = second.open("open", null);
        open.intent(intent(0));
        second.close();
        JournalStore recoverer = store();
        try (Claim claim = recoverer.claim(recovered.scopeId()).orElseThrow()) {
            claim.compensated(new StepKey(recovered.scopeId(), 1));
            claim.closed(ScopeOutcome.ROLLED_BACK);
        }
        long before = fixture().storageUnits();

        int removed = recoverer.compact();

        assertThat(removed).isEqualTo(1);
        assertThat(fixture().storageUnits()).isEqualTo(before - 1);
        JournalState state = recoverer.read();
        assertThat(state.open()).extracting(ScopeState::id).containsExactly(open.scopeId());
        assertThat(state.damaged()).isEmpty();
        assertThat(recoverer.compact()).isZero();
    }

    private Process child(String mode, String argument) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalChild.class.getName()));
        command.addAll(fixture().childArguments());
        command.add(mode);
        command.add(argument);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(child);
        return child;
    }

    private static String firstLine(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        return line == null ? "(no output; exit " + (child.isAlive() ? "none yet" : child.exitValue()) + ")" : line;
    }
}
