package dev.rollback.recovery;

import dev.rollback.durable.Journal;
import dev.rollback.durable.DurableRollback;
import dev.rollback.durable.JournalException;
import dev.rollback.CompensationConfigurationException;
import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.RollbackReport;
import dev.rollback.RollbackStateException;
import dev.rollback.durable.internal.LiveScope;
import dev.rollback.durable.internal.StepIntent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * D3 and D8: journals written by a process that is gone (a journal this JVM closed: its owner is
 * then dead), holding what a live run could not have written, or what recovery must not run blindly.
 */
class RecoveryRefusesTest {

    @TempDir
    Path temp;
    Path directory;
    Path victim;

    @BeforeEach
    void paths() throws Exception {
        directory = temp.resolve("journal");
        victim = Files.createDirectory(temp.resolve("victim"));
        Ledger.use(temp.resolve("ledger"));
    }

    @Test
    void D8_anEntryNamingAnotherClassRunsNothing() {
        leave(scope -> record(scope, new StepIntent("java.lang.System", "exit", "(I)V", "[3]", 0, 0, 0), "null"));

        CompensationResult result = onlyResultOf(recover());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).get().isInstanceOf(CompensationConfigurationException.class).extracting(Throwable::getMessage)
                .isEqualTo("the journal names java.lang.System.exit(I)V, which that class does not declare as a"
                        + " @Compensate method and no compensate rule of the agent's rules file designates; nothing run"
                        + " (D8); accepted: a method the class itself annotates with @Compensate, or one a compensate rule"
                        + " designates (recover under the agent with the same rules file)");
        assertThat(recover()).as("kept, refused again, never run").hasSize(1);
    }

    @Test
    void D8_anEntryNamingAMethodThatNoCompensateDesignatesRunsNothing() {
        leave(scope -> {
            record(scope, intent("createUnguarded", "(Ljava/nio/file/Path;)Ljava/nio/file/Path;", victim), quoted(victim));
            record(scope, intent("delete", "(Ljava/nio/file/Path;)V", victim), "null"); // the undo itself, named
        });

        List<RollbackReport> reports = recover();

        assertThat(reports.get(0).actions()).extracting(CompensationResult::outcome).containsOnly(Outcome.FAILED);
        assertThat(reports.get(0).actions()).allMatch(a -> a.error().orElseThrow() instanceof CompensationConfigurationException);
        assertThat(victim).exists();
        assertThat(Ledger.lines()).isEmpty();
    }

    @Test
    void D8_aValueNamingAClassRebuildsNothingAndRunsNothing() {
        leave(scope -> record(scope, new StepIntent(Workspaces.class.getName(), "create", "(Ljava/nio/file/Path;)V",
                "[{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"rm\",\"-rf\",\"" + victim + "\"]}]", 0, 0, 0), "null"));

        CompensationResult result = onlyResultOf(recover());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).get().isInstanceOf(IllegalArgumentException.class);
        assertThat(victim).exists();
    }

    @Test
    void D8_aFlippedByteStopsItsScopeWithAnErrorNamingFileAndOffsetAndRunsNothing() throws Exception {
        leave(scope -> record(scope, intent("create", "(Ljava/nio/file/Path;)V", victim), "null"));
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("victim");
        bytes[at] ^= 0x01;
        Files.write(segment, bytes);

        List<RollbackReport> reports = recover();

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).name()).startsWith("damaged journal ");
        assertThat(onlyResultOf(reports).error()).get().isInstanceOf(JournalException.class)
                .extracting(Throwable::getMessage).asString().contains(segment.getFileName().toString()).contains("at offset ");
        assertThat(victim).exists();
    }

    @Test
    void D7_aTornLastWriteLosesOnlyThatEntryAndTheRestIsRecovered() throws Exception {
        Path never = temp.resolve("never-created"); // its intent is the torn write: a body that never ran
        leave(scope -> {
            record(scope, intent("create", "(Ljava/nio/file/Path;)V", victim), "null");
            scope.intent(intent("create", "(Ljava/nio/file/Path;)V", never));
        });
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);
        int cut = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("never-created");
        Files.write(segment, java.util.Arrays.copyOf(bytes, cut));

        List<RollbackReport> reports = recover();

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).name()).isEqualTo("attacked");
        assertThat(onlyResultOf(reports).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(victim).doesNotExist();
        assertThat(recover()).isEmpty();
    }

    @Test
    void D8_aJournalFileReadableByOthersIsRefusedBeforeAnythingRuns() throws Exception {
        leave(scope -> record(scope, intent("create", "(Ljava/nio/file/Path;)V", victim), "null"));
        Files.setPosixFilePermissions(onlySegment(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> Journal.file(directory)).isInstanceOf(JournalException.class);
        assertThat(victim).exists();
    }

    @Test
    void D3_anIntentWithoutARecordWhoseCompensationNeedsTheResultIsInDoubtKeptAndNotRun() {
        leave(scope -> scope.intent(intent("reserve", "(Ljava/lang/String;)Ljava/lang/String;", "seat")));

        CompensationResult result = onlyResultOf(recover());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).get().isInstanceOf(RollbackStateException.class).extracting(Throwable::getMessage)
                .asString().contains("is in doubt: its process died inside the call, so there is no result");
        assertThat(Ledger.lines()).isEmpty();
        assertThat(recover()).as("kept").hasSize(1);
    }

    @Test
    void D3_anIntentWithoutARecordWhoseCompensationTakesTheArgumentsRuns() {
        leave(scope -> scope.intent(intent("create", "(Ljava/nio/file/Path;)V", victim)));

        assertThat(onlyResultOf(recover()).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(victim).doesNotExist();
        assertThat(recover()).isEmpty();
    }

    @Test
    void D4_aProcessWhoseStartInstantDiffersFromTheJournaledOneIsNeverSignalled() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        try {
            Instant forged = sleeper.toHandle().info().startInstant().orElseThrow().minusSeconds(3600);
            leave(scope -> record(scope, intent("start", "(Ljava/lang/String;)Ljava/lang/ProcessHandle;", "forged"),
                    "{\"pid\":" + sleeper.pid() + ",\"start\":\"" + forged + "\"}"));

            assertThat(onlyResultOf(recover()).outcome()).isEqualTo(Outcome.SUCCEEDED);

            assertThat(sleeper.isAlive()).as("a pid whose start instant differs is another process: left alone").isTrue();
            assertThat(Ledger.lines()).singleElement().asString().endsWith(" stopped forged");
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void D5_recoveryGetsTheObjectWhoseCompensatingMethodRunsFromTheInstanceResolver() {
        leave(scope -> record(scope, intent("create", "(Ljava/nio/file/Path;)V", victim), "null"));
        List<Class<?>> asked = new java.util.ArrayList<>();

        try (Journal here = Journal.file(directory)) {
            DurableRollback.install(here, type -> {
                asked.add(type);
                return new Workspaces();
            });
            try {
                assertThat(onlyResultOf(DurableRollback.recover()).outcome()).isEqualTo(Outcome.SUCCEEDED);
            } finally {
                DurableRollback.uninstall(here);
            }
        }
        assertThat(asked).containsExactly(Workspaces.class);
        assertThat(victim).doesNotExist();
    }

    @Test
    void D5_aResolverThatHasNoInstanceFailsTheStepAndKeepsTheScope() {
        leave(scope -> record(scope, intent("create", "(Ljava/nio/file/Path;)V", victim), "null"));

        try (Journal here = Journal.file(directory)) {
            DurableRollback.install(here, type -> {
                throw new IllegalStateException("no bean of " + type.getSimpleName());
            });
            try {
                assertThat(onlyResultOf(DurableRollback.recover()).error()).get().extracting(Throwable::getMessage)
                        .isEqualTo("no bean of Workspaces");
            } finally {
                DurableRollback.uninstall(here);
            }
        }
        assertThat(victim).exists();
        assertThat(recover()).as("kept for the next recovery, which the default resolver completes").hasSize(1);
        assertThat(victim).doesNotExist();
    }

    /** Writes a scope as a process would that died with it open: this JVM's journal, closed. */
    private void leave(Consumer<LiveScope> steps) {
        try (Journal gone = Journal.file(directory)) {
            LiveScope scope = dev.rollback.durable.TestStores.of(gone).open("attacked", null);
            steps.accept(scope);
        }
    }

    private static void record(LiveScope scope, StepIntent intent, String result) {
        scope.recorded(scope.intent(intent), result);
    }

    private static StepIntent intent(String method, String descriptor, Object argument) {
        return new StepIntent(Workspaces.class.getName(), method, descriptor, "[" + quoted(argument) + "]", 0, 0, 0);
    }

    private static String quoted(Object value) {
        return "\"" + value + "\"";
    }

    private Path onlySegment() throws Exception {
        try (var files = Files.list(directory)) {
            List<Path> segments = files.filter(f -> f.getFileName().toString().endsWith(".wal")).toList();
            assertThat(segments).as("segments in %s", directory).hasSize(1);
            return segments.get(0);
        }
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

    private static CompensationResult onlyResultOf(List<RollbackReport> reports) {
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).actions()).hasSize(1);
        return reports.get(0).actions().get(0);
    }
}
