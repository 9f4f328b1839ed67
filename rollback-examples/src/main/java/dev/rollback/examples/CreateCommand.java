package dev.rollback.examples;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.util.concurrent.Callable;

/**
 * Creates one agent and keeps it.
 */
@Command(name = "create", description = "Create one agent and keep it (its worker keeps running after this command).")
final class CreateCommand extends RootCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The agent's name: a lower-case letter, then letters, digits or '-'.")
    String name;

    @Override
    public Integer call() throws Exception {
        Environment.checkName(name);
        Console console = console();
        try (Environment environment = open(Faults.NONE, console)) {
            if (environment.registry().find(name).isPresent() || Files.exists(environment.workspaces().dirOf(name))) {
                throw new Environment.UsageError(name + " already exists under " + environment.root()
                        + "; accepted: a name not in 'list'");
            }
            Agent agent = environment.factory().create(name);
            console.line(agent.name() + " ready: port " + agent.port() + ", worker pid " + agent.worker().pid()
                    + (agent.window() == null ? "" : ", tmux window " + agent.window()));
            return 0;
        }
    }
}
