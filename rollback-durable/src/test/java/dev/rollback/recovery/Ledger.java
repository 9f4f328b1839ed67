package dev.rollback.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What compensations did, one line each ({@code <idempotency key> <what>}), in a file named by the
 * system property {@code ledger} (or set by a test in this JVM): shared by a killed child JVM and
 * the JVM that recovers after it. Each line is forced, so that a line written before a crash is
 * there after it.
 */
public final class Ledger {

    private static volatile Path file = System.getProperty("ledger") == null ? null : Path.of(System.getProperty("ledger"));

    private Ledger() {
    }

    public static void use(Path ledger) {
        file = ledger;
    }

    public static synchronized void note(String what) {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap((dev.rollback.Rollback.idempotencyKey() + " " + what + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether a line with this key and action is there already */
    public static boolean done(String what) {
        return lines().contains(dev.rollback.Rollback.idempotencyKey() + " " + what);
    }

    public static List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
