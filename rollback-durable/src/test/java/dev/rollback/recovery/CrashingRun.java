package dev.rollback.recovery;

import dev.rollback.durable.Journal;
import dev.rollback.durable.DurableRollback;
import dev.rollback.RollbackReport;
import dev.rollback.annotation.WithRollback;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A child JVM under the agent: {@code run JOURNAL ROOT} creates directories {@code a} and {@code b}
 * and a worker process in one durable scope (failing at the end when {@code -Dfail=true}, else
 * committing), dying where {@link Crash} says; {@code hold JOURNAL ROOT} opens a durable scope with
 * one directory and holds it until its input closes, then commits; {@code recover JOURNAL} recovers;
 * {@code property} opens one durable scope with nothing installed but {@code -Drollback.journal}.
 */
public final class CrashingRun {

    private final Workspaces workspaces = new Workspaces();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("property")) {
            // -Drollback.journal=DIR alone: the first durable scope installs the journal and recovers
            dev.rollback.Rollback.scope("property-run").durable(true).run(() -> System.out.println("OPENED"));
            System.out.println("DONE");
            return;
        }
        Journal journal = CrashRecoveryContract.open(args[1]);
        DurableRollback.install(journal);
        switch (args[0]) {
            case "run" -> new CrashingRun().run(Path.of(args[2]));
            case "hold" -> new CrashingRun().hold(Path.of(args[2]));
            case "recover" -> {
                List<RollbackReport> reports = DurableRollback.recover();
                System.out.println("RECOVERED " + reports.size());
            }
            default -> throw new IllegalArgumentException(args[0] + "; accepted: run, hold, recover");
        }
        journal.close();
        System.out.println("DONE");
    }

    @WithRollback(value = "crashing-run", durable = true)
    void run(Path root) throws Exception {
        Crash.at("before-a");
        workspaces.create(root.resolve("a"));
        Crash.at("after-a");
        ProcessHandle worker = workspaces.start("worker");
        System.out.println("WORKER " + worker.pid());
        System.out.flush();
        Crash.at("after-worker");
        workspaces.insert("row-1");
        workspaces.create(root.resolve("b"));
        Crash.at("after-b");
        if (Boolean.getBoolean("fail")) {
            throw new IllegalStateException("the run fails after its last step");
        }
    }

    @WithRollback(value = "holding-run", durable = true)
    void hold(Path root) throws Exception {
        workspaces.create(root.resolve("held"));
        System.out.println("HOLDING");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            continue; // held until the parent closes our input
        }
    }
}
