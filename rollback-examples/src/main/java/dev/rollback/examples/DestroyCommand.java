package dev.rollback.examples;

import dev.rollback.RollbackIncompleteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * Destroys one agent: its resources are released by rolling back a scope that holds their undo actions.
 */
@Command(name = "destroy", description = "Destroy one agent and everything it holds.")
final class DestroyCommand extends RootCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The agent to destroy.")
    String name;

    @Override
    public Integer call() throws Exception {
        Environment.checkName(name);
        Console console = console();
        try (Environment environment = open(Faults.NONE, console)) {
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
