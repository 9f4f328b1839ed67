package dev.rollback.examples;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.sql.SQLException;

/**
 * What every subcommand shares: the {@code --root} of the top command, and the console.
 */
abstract class RootCommand {

    @ParentCommand
    RollbackDemo parent;

    @Spec
    CommandSpec spec;

    Console console() {
        return new Console(spec.commandLine().getOut());
    }

    Environment open(Faults faults, Console console) throws IOException, SQLException {
        return Environment.open(parent.root, faults, console);
    }
}
