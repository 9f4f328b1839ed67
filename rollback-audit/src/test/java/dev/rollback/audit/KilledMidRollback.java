package dev.rollback.audit;

import dev.rollback.Rollback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a JVM of its own by {@link SigkillDuringRollbackTest}: rolls back four compensations
 * {@code c1..c4} (running in that order) into a journal; the one after the first {@code done}
 * writes a marker file and blocks until the JVM is killed.
 *
 * <p>Arguments: JOURNAL MARKER DONE.
 */
public final class KilledMidRollback {

    private KilledMidRollback() {
    }

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]);
        Path marker = Path.of(args[1]);
        int done = Integer.parseInt(args[2]);
        Rollback.addListener(AuditListener.open(journal));
        Rollback.run("killed-op", () -> {
            for (int i = 4; i >= 1; i--) {
                String name = "c" + i;
                if (i == done + 1) {
                    Rollback.register(name, () -> {
                        Path written = Files.writeString(marker.resolveSibling(marker.getFileName() + ".tmp"), name);
                        Files.move(written, marker, StandardCopyOption.ATOMIC_MOVE); // seen whole, or not at all
                        new CountDownLatch(1).await();
                    });
                } else {
                    Rollback.register(name, () -> { });
                }
            }
            throw new IllegalStateException("body failed");
        });
    }
}
