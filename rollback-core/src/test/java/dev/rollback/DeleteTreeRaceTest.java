package dev.rollback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DeleteTreeRaceTest {

    private static final int ROUNDS = 2_000;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void neverDeletesAnOutsideSentinelWhileASubdirectoryIsSwappedForALinkToIt() throws Exception {
        Path root = Files.createDirectory(temp.resolve("root"));
        Path sentinel = Files.createDirectories(temp.resolve("sentinel/inner"));
        Files.writeString(sentinel.resolve("deep.txt"), "keep");
        sentinel = sentinel.getParent();
        Files.writeString(sentinel.resolve("keep.txt"), "keep");
        Path tree = root.resolve("t");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong swaps = new AtomicLong();
        Swapper swapper = new Swapper(tree, sentinel, running, swaps);
        Thread thread = new Thread(swapper, "swapper");
        thread.start();
        int deleted = 0;
        int failed = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                populate(tree);
                try {
                    Compensations.deleteTree(tree, root);
                    deleted++;
                } catch (IOException | IllegalStateException expectedUnderRace) {
                    failed++; // the swapper may win a step; only the sentinel's survival matters
                }
                assertThat(sentinel.resolve("keep.txt")).as("round %d", round).hasContent("keep");
                assertThat(sentinel.resolve("inner/deep.txt")).as("round %d", round).hasContent("keep");
            }
        } finally {
            running.set(false);
            thread.join();
        }
        assertThat(swaps.get()).as("swaps made while deleteTree ran").isGreaterThanOrEqualTo(ROUNDS);
        assertThat(swapper.failure).isNull();
        assertThat(deleted + failed).isEqualTo(ROUNDS);
        assertThat(deleted).as("rounds where deleteTree finished").isPositive();
    }

    private static void populate(Path tree) throws IOException {
        Path sub = tree.resolve("sub");
        for (int i = 0; i < 5 && !Files.isDirectory(sub.resolve("nested")); i++) {
            try {
                Files.createDirectories(sub.resolve("nested"));
                Files.writeString(sub.resolve("nested/file.txt"), "x");
                Files.writeString(sub.resolve("file.txt"), "x");
            } catch (IOException racedBySwapper) {
                // the swapper moved sub away meanwhile; try again
            }
        }
    }

    /** Keeps replacing t/sub by a link to the sentinel and putting it back. */
    private static final class Swapper implements Runnable {
        private final Path sub;
        private final Path aside;
        private final Path sentinel;
        private final AtomicBoolean running;
        private final AtomicLong swaps;
        volatile Throwable failure;

        Swapper(Path tree, Path sentinel, AtomicBoolean running, AtomicLong swaps) {
            this.sub = tree.resolve("sub");
            this.aside = tree.resolve("aside");
            this.sentinel = sentinel;
            this.running = running;
            this.swaps = swaps;
        }

        @Override
        public void run() {
            try {
                while (running.get()) {
                    swapOnce();
                }
            } catch (Throwable t) {
                failure = t; // asserted by the test
            }
        }

        private void swapOnce() {
            try {
                Files.move(sub, aside);
                Files.createSymbolicLink(sub, sentinel);
                swaps.incrementAndGet();
                Files.delete(sub);
                Files.move(aside, sub);
            } catch (IOException racedByDeleteTree) {
                Thread.onSpinWait(); // deleteTree removed part of the tree meanwhile; the next round rebuilds it
            }
        }
    }
}
