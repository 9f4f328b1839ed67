package dev.rollback.durable.internal.file;

import dev.rollback.durable.SyncPolicy;
import dev.rollback.durable.internal.LiveScope;
import dev.rollback.durable.internal.StepIntent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A plain measurement, not a test: what one forced entry costs on this disk, through the file
 * journal under each sync policy and through a hand-written {@code FileChannel.write} and
 * {@code force} per record; alone and with 8 threads. Run:
 * {@code java -cp <test class path> dev.rollback.durable.internal.file.SyncCost DIR [RECORDS]}.
 */
public final class SyncCost {

    private static final StepIntent INTENT = new StepIntent("com.acme.Tabs", "open",
            "(Ljava/lang/String;)Ljava/nio/file/Path;", "[\"/srv/agents/agent-7\"]", 0, 0, 0);

    private SyncCost() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        for (int round = 0; round < 2; round++) {
            System.out.println("round " + (round + 1) + (round == 0 ? " (warm-up)" : ""));
            report("hand-written write+force, 1 thread", handWritten(root, records), records);
            for (SyncPolicy policy : SyncPolicy.values()) {
                report("journal " + policy + ", 1 thread", journal(root, policy, 1, records), records);
            }
            for (SyncPolicy policy : List.of(SyncPolicy.EACH_RECORD, SyncPolicy.GROUP_COMMIT)) {
                report("journal " + policy + ", 8 threads", journal(root, policy, 8, records), records);
            }
        }
    }

    private static void report(String what, long nanos, int records) {
        System.out.printf("  %-42s %8.1f us per forced entry, %8.0f entries/s%n", what, nanos / 1000.0 / records,
                records * 1e9 / nanos);
    }

    private static long handWritten(Path root, int records) throws IOException {
        Path file = Files.createTempFile(root, "hand", ".wal");
        byte[] record = new byte[230];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long start = System.nanoTime();
            long position = 0;
            for (int i = 0; i < records; i++) {
                ByteBuffer buffer = ByteBuffer.wrap(record);
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                channel.force(false);
            }
            return System.nanoTime() - start;
        } finally {
            Files.delete(file);
        }
    }

    /** Each entry measured is an intent, which is forced; {@code records} intents in all. */
    private static long journal(Path root, SyncPolicy policy, int threads, int records) throws Exception {
        Path directory = Files.createTempDirectory(root, "journal");
        try (FileStore store = FileStore.open(directory, policy, FileStore.DEFAULT_SEGMENT_SIZE)) {
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    work.add(pool.submit(() -> {
                        LiveScope scope = store.open("measure", null);
                        start.await();
                        for (int i = 0; i < records / threads; i++) {
                            scope.intent(INTENT);
                        }
                        return null;
                    }));
                }
                start.await();
                long began = System.nanoTime();
                for (Future<?> done : work) {
                    done.get();
                }
                return System.nanoTime() - began;
            } finally {
                pool.shutdownNow();
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
