package dev.rollback.recovery;

import dev.rollback.durable.Journal;
import dev.rollback.durable.DurableRollback;
import dev.rollback.durable.JdbcOptions;
import dev.rollback.Outcome;
import dev.rollback.RollbackReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Child JVMs killed at every crash point (SIGKILL from outside, {@code Runtime.halt} from inside),
 * then recovered in this JVM, with real directories and real processes; run on each journal.
 */
abstract class CrashRecoveryContract {

    @TempDir
    Path temp;
    /** The journal, as {@link #open(String)} takes it: a directory, or a JDBC URL. */
    String journal;
    Path root;
    Path ledger;

    /** @return a fresh journal for one test, as {@link #open(String)} takes it */
    abstract String newJournal(Path temp);

    /**
     * @return the journal {@code spec} names: a directory, or {@code URL USER TABLE-PREFIX} (a JDBC
     *         URL, its user with no password, and a table prefix that keeps each test's tables apart)
     */
    static Journal open(String spec) {
        if (!spec.startsWith("jdbc:")) {
            return Journal.file(Path.of(spec));
        }
        String[] parts = spec.split(" ");
        return Journal.jdbc(new dev.rollback.durable.internal.SimpleDataSource(parts[0], parts[1], ""),
                JdbcOptions.defaults().tablePrefix(parts[2]));
    }

    @BeforeEach
    void paths() throws IOException {
        journal = newJournal(temp);
        root = Files.createDirectory(temp.resolve("root"));
        ledger = temp.resolve("ledger");
        Ledger.use(ledger);
    }

    /** The workers of this test's children: a failing test must not leave one behind. */
    private final List<Long> spawned = new java.util.ArrayList<>();

    @AfterEach
    void noWorkerLeft() {
        spawned.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @ParameterizedTest(name = "D2: killed ({1}) at {0}, then recovered: nothing of the run remains")
    @CsvSource({"before-a,kill", "inside-a,kill", "after-a,halt", "after-worker,kill", "after-b,halt", "after-b,kill",
            "inside-b,halt"})
    void D2_aRunKilledAtAnyPointLeavesNothingOnceRecovered(String point, String how) throws Exception {
        List<Long> workers = crash(point, how, false);

        List<RollbackReport> reports = recoverHere();

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).name()).isEqualTo("crashing-run");
        assertThat(reports.get(0).isComplete()).as("%s", reports.get(0)).isTrue();
        assertNothingRemains(workers);
        assertThat(recoverHere()).as("a second recover() finds nothing").isEmpty();
    }

    @Test
    void D3_aCallKilledInsideItsBodyIsUndoneWithItsJournaledArguments() throws Exception {
        crash("inside-b", "kill", false);
        assertThat(root.resolve("b")).exists();

        List<RollbackReport> reports = recoverHere();

        assertThat(reports.get(0).actions()).extracting(a -> a.outcome()).containsOnly(Outcome.SUCCEEDED);
        assertThat(root.resolve("b")).doesNotExist();
        assertThat(Ledger.lines()).anyMatch(line -> line.endsWith(" deleted b"));
    }

    @Test
    void D2_aRunKilledInTheMiddleOfItsRollbackNeverRunsAgainWhatWasJournaledAsUndone() throws Exception {
        List<Long> workers = crash("undone-worker", "kill", true);
        assertThat(Ledger.lines()).hasSize(3); // b deleted, row removed, worker stopped: not journaled yet

        List<RollbackReport> reports = recoverHere();

        assertThat(reports.get(0).isComplete()).isTrue();
        assertThat(reports.get(0).actions()).extracting(a -> a.description())
                .allMatch(d -> d.contains(".start(") || d.contains(".create(")); // b and the row are not run again
        assertThat(count(" deleted b")).isEqualTo(1);
        assertThat(count(" removed row-1")).isEqualTo(1);
        assertNothingRemains(workers);
        assertThat(recoverHere()).isEmpty();
    }

    @Test
    void D6_aRecoveryKilledInTheMiddleIsFinishedByTheNextAndAKeyedCompensationActsOnce() throws Exception {
        List<Long> workers = crash("after-b", "kill", false);
        try (Child recovering = Child.start(ledger, "undone-row-1", "kill", false, "recover", journal)) {
            recovering.killWhenAt("undone-row-1");
        }
        assertThat(count(" deleted b")).isEqualTo(1);
        assertThat(count(" removed row-1")).isEqualTo(1);

        List<RollbackReport> reports = recoverHere();

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).isComplete()).isTrue();
        assertThat(count(" deleted b")).as("journaled as undone by the killed recovery: not run again").isEqualTo(1);
        assertThat(count(" removed row-1")).as("run again, but it checks its key: acted once").isEqualTo(1);
        assertNothingRemains(workers);
        assertThat(recoverHere()).isEmpty();
    }

    @Test
    void D2_theScopesOfALiveJvmSharingTheJournalAreLeftAlone() throws Exception {
        try (Child holder = Child.start(ledger, "none", "kill", false, "hold", journal, root.toString())) {
            holder.awaitLine("HOLDING");

            assertThat(recoverHere()).isEmpty();
            assertThat(root.resolve("held")).exists();

            holder.closeInput();
            holder.awaitLine("DONE");
            assertThat(holder.waitForExit()).isZero();
        }
        assertThat(recoverHere()).as("committed: never undone").isEmpty();
        assertThat(root.resolve("held")).exists();
        assertThat(Ledger.lines()).isEmpty();
    }

    List<Long> crash(String point, String how, boolean fail) throws Exception {
        try (Child child = Child.start(ledger, point, how, fail, "run", journal, root.toString())) {
            if (how.equals("halt")) {
                assertThat(child.awaitHalt()).isEqualTo(137);
            } else {
                child.killWhenAt(point);
            }
            spawned.addAll(child.workers());
            return child.workers();
        }
    }

    List<RollbackReport> recoverHere() {
        try (Journal here = open(journal)) {
            DurableRollback.install(here);
            try {
                return DurableRollback.recover();
            } finally {
                DurableRollback.uninstall(here);
            }
        }
    }

    void assertNothingRemains(List<Long> workers) throws IOException {
        try (var left = Files.list(root)) {
            assertThat(left).as("directories of the killed run").isEmpty();
        }
        for (long pid : workers) {
            Optional<ProcessHandle> worker = ProcessHandle.of(pid);
            assertThat(worker.filter(ProcessHandle::isAlive).filter(CrashRecoveryContract::notZombie))
                    .as("worker %d", pid).isEmpty();
        }
        assertThat(new HashSet<>(Ledger.lines())).as("nothing undone twice under one key").hasSameSizeAs(Ledger.lines());
    }

    private static boolean notZombie(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false; // gone between the two looks
        }
    }

    private long count(String suffix) {
        return Ledger.lines().stream().filter(line -> line.endsWith(suffix)).count();
    }
}
