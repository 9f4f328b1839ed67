package dev.rollback.benchmarks;

import dev.rollback.Rollback;
import dev.rollback.benchmarks.woven.Resources;
import dev.rollback.durable.DurableRollback;
import dev.rollback.durable.Journal;
import dev.rollback.durable.SyncPolicy;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A file journal on the local disk, under {@code target/} (or {@code -Drollback.benchmark.dir}),
 * installed for the trial with the sync policy measured; the ajc-woven resources whose
 * {@code @Compensate} calls a durable scope journals. The directory is deleted after the trial.
 */
@State(Scope.Benchmark)
public class DurableFixture {

    /** How the journal forces its entries. */
    @Param({"EACH_RECORD", "GROUP_COMMIT", "WRITE_ONLY"})
    public SyncPolicy sync;

    /** Acquires; records (and, in a durable scope, journals) when a scope is open. */
    public final Resources resources = new Resources();

    private Path directory;
    private Journal journal;

    /** Opens the journal in a fresh directory and installs it. */
    @Setup(Level.Trial)
    public void open() throws IOException {
        Path parent = Files.createDirectories(Path.of(System.getProperty("rollback.benchmark.dir",
                Path.of("target", "durable-benchmark").toString())).toAbsolutePath());
        directory = Files.createTempDirectory(parent, "journal-");
        journal = Journal.file(directory.resolve("journal"), sync);
        DurableRollback.install(journal);
        int held = resources.held();
        Rollback.scope("verify").durable(true).run(() -> resources.acquire("verify"));
        Verify.held("ajc-woven classes in a durable scope", resources.held(), held + 1);
    }

    /** Closes the journal (compacting it: every scope closed) and deletes its directory. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
        DurableRollback.uninstall(journal);
        journal.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
