package dev.rollback.examples;

import dev.rollback.RollbackReport;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Undoes what runs killed half-way under the root left: {@code DurableRollback.recover()} on the
 * root's journal, with its report. Every other command does the same when it starts.
 */
@Command(name = "recover", description = "Undo what a run killed half-way left, and print the report (every command"
        + " does this first).")
final class RecoverCommand extends RootCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Console console = console();
        try (Environment environment = Environment.open(parent.root, Faults.NONE, console)) {
            List<RollbackReport> reports = environment.recover();
            if (reports.isEmpty()) {
                console.line("nothing to recover under " + environment.root());
                return 0;
            }
            return printRecovered(reports, console) ? 0 : 1;
        }
    }
}
