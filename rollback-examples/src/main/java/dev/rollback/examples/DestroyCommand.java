package dev.rollback.examples;

import dev.rollback.RollbackIncompleteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * Destroys one agent: its resources are released by rolling back a scope that holds their undo actions.
 */
@Command(name = "destroy", description = "Destroy one agent and everything it holds.")
final class DestroyCommand implements Callable<Integer> {

    @ParentCommand
    RollbackDemo parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The agent to destroy.")
    String name;

    @Override
    public Integer call() throws Exception {
        Environment.checkName(name);
        Console console = new Console(spec.commandLine().getOut());
        try (Environment environment = Environment.open(parent.root, Faults.NONE, console)) {
            try {
                if (!new Teardown(environment).destroy(name, null)) {
                    console.line("no agent named " + name + " under " + environment.root());
                    return 1;
                }
            } catch (RollbackIncompleteException e) {
                console.line(ReportTable.render(e.report()).stripTrailing());
                return 1;
            }
            console.line(name + " destroyed");
            return 0;
        }
    }
}
