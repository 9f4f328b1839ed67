package dev.rollback.durable.internal.file;

import dev.rollback.durable.JournalException;
import dev.rollback.durable.SyncPolicy;
import dev.rollback.durable.internal.Claim;
import dev.rollback.durable.internal.LiveScope;
import dev.rollback.durable.internal.ScopeOutcome;
import dev.rollback.durable.internal.ScopeState;
import dev.rollback.durable.internal.StepIntent;
import dev.rollback.durable.internal.StepKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStoreTest {

    private static final StepIntent INTENT = new StepIntent("com.acme.Tabs", "open", "()V", "[]", 0, 0, 0);

    @TempDir
    Path temp;

    @Test
    void createsItsDirectoryForItsOwnerOnlyAndItsFilesReadableByItsOwnerOnly() throws IOException {
        Path directory = temp.resolve("a").resolve("journal");
        try (FileStore store = FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE)) {
            store.open("op", null).intent(INTENT);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
            for (Path file : files(directory)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
            assertThat(files(directory)).hasSize(3);
        }
    }

    @Test
    void refusesASegmentThatOthersMayReadAndADirectoryThatOthersMayWriteInto() throws IOException {
        Path directory = temp.resolve("journal");
        leaveAnOpenScope(directory);
        Path segment = segments(directory).get(0);
        Files.setPosixFilePermissions(segment, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE))
                .isInstanceOf(JournalException.class)
                .hasMessage("the journal file " + segment + " can be used by others than its owner (rw-r--r--): its"
                        + " arguments may be secrets and its entries say what recovery runs; accepted: rw------- (0600),"
                        + " e.g. chmod 600 " + segment);

        Files.setPosixFilePermissions(segment, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("the journal directory " + directory.toRealPath() + " is writable by others (rwxrwxrwx)");
    }

    @Test
    void refusesASecondJournalOnTheSameDirectoryInOneProcess() {
        Path directory = temp.resolve("journal");
        try (FileStore store = FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE)) {
            assertThatThrownBy(() -> FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE))
                    .isInstanceOf(JournalException.class).hasMessageContaining("has a journal open on")
                    .hasMessageContaining("accepted: one Journal.file per directory per process");
        }
        FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE).close();
    }

    @Test
    void doesNotGrowWithoutBoundWhenScopesCloseAndKeepsTheSegmentsOpenScopesNeed() throws IOException {
        Path directory = temp.resolve("journal");
        try (FileStore store = FileStore.open(directory, SyncPolicy.WRITE_ONLY, 2048)) {
            LiveScope longRunning = store.open("long-running", null);
            longRunning.recorded(longRunning.intent(INTENT), "null");
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < 20; i++) {
                    LiveScope scope = store.open("short", null);
                    scope.recorded(scope.intent(INTENT), "null");
                    scope.closed(ScopeOutcome.COMMITTED);
                }
                store.compact();
                assertThat(segments(directory).size()).as("segments after round %d", round).isLessThanOrEqualTo(3);
            }
            assertThat(store.read().open()).extracting(ScopeState::id).containsExactly(longRunning.scopeId());
            longRunning.closed(ScopeOutcome.COMMITTED);
        }
        assertThat(segments(directory)).as("a journal closed with every scope closed leaves no segment").isEmpty();
    }

    /** Found by DurableBenchmark: closing a journal after thousands of scopes took minutes (segments hashed every entry). */
    @Test
    void compactsThousandsOfClosedScopesInOneSegmentInLinearTime() throws IOException {
        Path directory = temp.resolve("journal");
        FileStore store = FileStore.open(directory, SyncPolicy.WRITE_ONLY, FileStore.DEFAULT_SEGMENT_SIZE);
        for (int i = 0; i < 4_000; i++) {
            LiveScope scope = store.open("short", null);
            scope.recorded(scope.intent(INTENT), "null");
            scope.closed(ScopeOutcome.COMMITTED);
        }

        assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), store::close); // compacts: minutes before the fix

        assertThat(segments(directory)).isEmpty();
    }

    @Test
    void keepsTheSegmentWithAScopesClosingEntryWhileAnotherSegmentStillHoldsThatScope() throws IOException {
        Path directory = temp.resolve("journal");
        String recovered;
        try (FileStore dying = FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE)) {
            LiveScope scope = dying.open("recovered", null);
            scope.recorded(scope.intent(INTENT), "null");
            dying.open("never-closed", null).intent(INTENT);
            recovered = scope.scopeId();
        }
        Path dyingSegment = segments(directory).get(0);
        try (FileStore recoverer = FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE);
             Claim claim = recoverer.claim(recovered).orElseThrow()) {
            claim.compensated(new StepKey(recovered, 1));
            claim.closed(ScopeOutcome.ROLLED_BACK);
        }

        List<Path> left = segments(directory);
        assertThat(left).hasSize(2).contains(dyingSegment);
        try (FileStore reader = FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE)) {
            assertThat(reader.read().open()).extracting(ScopeState::operation).containsExactly("never-closed");
        }
    }

    @Test
    void aScopeWhoseClaimSlotAnotherProcessHoldsIsNotClaimedEvenBeforeThatProcessJournalsItsClaim() throws Exception {
        Path directory = temp.resolve("journal");
        String scope;
        try (FileStore dying = FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE)) {
            LiveScope open = dying.open("op", null);
            open.recorded(open.intent(INTENT), "null");
            scope = open.scopeId();
        }
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ClaimSlotHolder.class.getName(), directory.toString(), scope)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (FileStore recoverer = FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE)) {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            assertThat(line).isEqualTo("locked");

            assertThat(recoverer.claim(scope)).isEmpty();

            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (Claim claim = recoverer.claim(scope).orElseThrow()) {
                claim.closed(ScopeOutcome.ROLLED_BACK);
            }
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void groupCommitKeepsEveryEntryOfThreadsJournalingAtOnce() throws Exception {
        Path directory = temp.resolve("journal");
        int threads = 8;
        List<String> scopes = new ArrayList<>();
        try (FileStore store = FileStore.open(directory, SyncPolicy.GROUP_COMMIT, 64 << 10)) {
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<String>>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    work.add(pool.submit(() -> {
                        start.await();
                        List<String> mine = new ArrayList<>();
                        for (int i = 0; i < 25; i++) {
                            LiveScope scope = store.open("op", null);
                            scope.recorded(scope.intent(INTENT), "null");
                            scope.recorded(scope.intent(INTENT), "null");
                            mine.add(scope.scopeId());
                        }
                        return mine;
                    }));
                }
                for (Future<List<String>> done : work) {
                    scopes.addAll(done.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            var state = store.read();
            assertThat(state.damaged()).isEmpty();
            assertThat(state.open()).extracting(ScopeState::id).containsExactlyInAnyOrderElementsOf(scopes);
            assertThat(state.open()).allSatisfy(scope -> assertThat(scope.steps()).hasSize(2)
                    .allSatisfy(step -> assertThat(step.wasRecorded()).isTrue()));
        }
    }

    private static void leaveAnOpenScope(Path directory) {
        try (FileStore store = FileStore.open(directory, SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE)) {
            store.open("op", null).intent(INTENT);
        }
    }

    static List<Path> segments(Path directory) throws IOException {
        return files(directory).stream().filter(file -> file.toString().endsWith(".wal")).sorted().toList();
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
