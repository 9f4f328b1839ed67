package dev.rollback.examples;

import dev.rollback.RollbackReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * What every subcommand shares: the {@code --root} of the top command, the console, and recovery
 * first: every command undoes what a dead run under the root left before it does anything else.
 */
abstract class RootCommand {

    @ParentCommand
    RollbackDemo parent;

    @Spec
    CommandSpec spec;

    Console console() {
        return new Console(spec.commandLine().getOut());
    }

    /** Opens the root and recovers what dead runs left there, printing what was recovered, if anything. */
    Environment open(Faults faults, Console console) throws IOException, SQLException {
        Environment environment = Environment.open(parent.root, faults, console);
        try {
            printRecovered(environment.recover(), console);
            return environment;
        } catch (RuntimeException e) {
            try {
                environment.close();
            } catch (IOException | SQLException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Prints recovery's reports (the undo lines of its compensations came before, as they ran).
     *
     * @return whether every scope recovered completely
     */
    static boolean printRecovered(List<RollbackReport> reports, Console console) {
        boolean complete = true;
        for (RollbackReport report : reports) {
            complete &= report.isComplete();
            console.line("recovered what a dead run left (" + (report.isComplete() ? "complete" : "INCOMPLETE: run"
                    + " 'recover' again once the cause is fixed") + "):");
            console.line(ReportTable.render(report).stripTrailing());
        }
        return complete;
    }
}
