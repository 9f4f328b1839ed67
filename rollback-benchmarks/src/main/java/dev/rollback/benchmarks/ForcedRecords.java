package dev.rollback.benchmarks;

import dev.rollback.durable.SyncPolicy;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The hand-written limit of a durable scope: what durability costs at least, written by hand. Per
 * compensated call, the bytes of an intent (before the call) and of a record (after it), each
 * written to one file and forced with {@code FileChannel.force(false)} before going on, as D1 asks;
 * per scope, its opening entry written with the first intent and its closing entry forced. No
 * encoding, hashing or framing: fixed bytes the size of the journal's entries.
 */
@State(Scope.Benchmark)
public class ForcedRecords {

    /** The size of an entry in the file journal, about (docs/durability.md). */
    private static final int ENTRY_BYTES = 230;

    /**
     * Named as {@link DurableFixture#sync}, so that the limit is reported beside each policy's scenario;
     * the limit itself forces every entry whatever its value.
     */
    @Param({"EACH_RECORD", "GROUP_COMMIT", "WRITE_ONLY"})
    public SyncPolicy sync;

    private final ByteBuffer entry = ByteBuffer.wrap(("x".repeat(ENTRY_BYTES - 1) + "\n").getBytes(StandardCharsets.UTF_8));
    private Path file;
    private FileChannel channel;
    private int held;

    /** Opens the file, on the same disk as the journal. */
    @Setup
    public void open() throws IOException {
        Path parent = Files.createDirectories(Path.of(System.getProperty("rollback.benchmark.dir",
                Path.of("target", "durable-benchmark").toString())).toAbsolutePath());
        file = Files.createTempFile(parent, "forced-", ".log");
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Closes and deletes the file. */
    @TearDown
    public void close() throws IOException {
        channel.close();
        Files.delete(file);
    }

    /**
     * @param compensations how many calls the scope makes
     * @return how many resources are held, so that nothing is optimised away
     */
    public int succeed(int compensations) throws IOException {
        write(false); // the scope's opening entry: forced with the first intent
        for (int i = 0; i < compensations; i++) {
            write(true); // intent, before the call
            held++;
            write(true); // record, before the call returns
        }
        write(true); // the scope's closing entry
        return held;
    }

    private void write(boolean force) throws IOException {
        entry.rewind();
        while (entry.hasRemaining()) {
            channel.write(entry);
        }
        if (force) {
            channel.force(false);
        }
    }
}
