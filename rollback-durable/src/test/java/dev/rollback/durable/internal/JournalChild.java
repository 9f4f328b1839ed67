package dev.rollback.durable.internal;

import dev.rollback.durable.SyncPolicy;
import dev.rollback.durable.internal.file.FileStore;
import dev.rollback.durable.internal.jdbc.JdbcStore;
import dev.rollback.durable.internal.jdbc.Tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Another process on the same journal, for the contract test: {@code own} opens a scope with one
 * step and holds it; {@code claim ID} claims a scope and holds the claim. Each prints one line
 * when done, then waits until its standard input closes or it is killed.
 */
public final class JournalChild {

    private JournalChild() {
    }

    public static void main(String[] args) throws IOException {
        JournalStore store = open(args);
        String mode = args[args.length - 2];
        if (mode.equals("own")) {
            LiveScope scope = store.open("child-op", null);
            scope.recorded(scope.intent(new StepIntent("a.B", "c", "()V", "[]", 0, 0, 0)), "null");
            System.out.println("ready " + scope.scopeId() + " " + store.owner().id());
        } else {
            Optional<Claim> claim = store.claim(args[args.length - 1]);
            System.out.println(claim.isPresent() ? "claimed" : "refused");
        }
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            continue; // held until the parent closes our input or kills us
        }
    }

    private static JournalStore open(String[] args) {
        if (args[0].equals("file")) {
            return FileStore.open(Path.of(args[1]), SyncPolicy.EACH_RECORD, FileStore.DEFAULT_SEGMENT_SIZE);
        }
        return JdbcStore.open(new SimpleDataSource(args[1], args[2], args[3]), Tables.of(args[4], args[5]),
                java.time.Duration.ofSeconds(30));
    }
}
