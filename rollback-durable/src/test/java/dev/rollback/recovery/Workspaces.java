package dev.rollback.recovery;

import dev.rollback.Compensations;
import dev.rollback.annotation.Compensate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The resources of the durable tests: directories and processes, each undone by its compensation. */
public class Workspaces {

    /** Returns nothing, so that its compensation binds without a result (shape 3) and D3 runs it. */
    @Compensate("delete")
    public void create(Path directory) throws IOException {
        Files.createDirectory(directory);
        Crash.at("inside-" + directory.getFileName());
    }

    void delete(Path directory) throws IOException {
        Crash.at("undoing-" + directory.getFileName());
        Compensations.deleteTree(directory, directory.getParent());
        Ledger.note("deleted " + directory.getFileName());
        Crash.at("undone-" + directory.getFileName());
    }

    @Compensate("stop")
    public ProcessHandle start(String name) throws IOException {
        Process process = new ProcessBuilder("sleep", "300").redirectErrorStream(true).start();
        return process.toHandle();
    }

    void stop(ProcessHandle process, String name) throws Exception {
        Compensations.destroy(process, Duration.ofSeconds(5));
        if (!Ledger.done("stopped " + name)) {
            Ledger.note("stopped " + name);
        }
        Crash.at("undone-" + name);
    }

    /** A compensation that needs the result: in doubt when the process died inside the call (D3). */
    @Compensate("forget")
    public String reserve(String name) {
        Crash.at("inside-" + name);
        return "reservation-" + name;
    }

    void forget(String reservation) {
        Ledger.note("forgot " + reservation);
    }

    /** Exactly-once by its key (D6): acts only when its key is not in the ledger yet. */
    @Compensate("remove")
    public String insert(String row) {
        return row;
    }

    void remove(String row) {
        if (!Ledger.done("removed " + row)) {
            Ledger.note("removed " + row);
        }
        Crash.at("undone-" + row);
    }

    /** Not journalable (D4): a StringBuilder. */
    @Compensate("clear")
    public void append(StringBuilder text) {
        text.append("x");
    }

    void clear(StringBuilder text) {
        text.setLength(0);
    }

    /** Not a @Compensate method, though named like one: recovery must refuse it (D8). */
    public Path createUnguarded(Path directory) {
        return directory;
    }
}
