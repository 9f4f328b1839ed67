package dev.rollback.durable.internal.file;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A recoverer caught between taking a scope's claim slot and journaling its claim: locks the slot
 * of {@code args[1]} in {@code args[0]/claims.lock}, prints {@code locked}, and holds it until its
 * input closes or it is killed.
 */
public final class ClaimSlotHolder {

    private ClaimSlotHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0], "claims.lock"), StandardOpenOption.WRITE)) {
            if (channel.tryLock(SlotLocks.slot(args[1]), 1, false) == null) {
                System.out.println("busy");
                return;
            }
            System.out.println("locked");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                continue; // held until the parent closes our input or kills us
            }
        }
    }
}
