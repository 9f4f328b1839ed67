package dev.rollback.examples;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.util.concurrent.Callable;

/**
 * Creates one agent and keeps it.
 */
@Command(name = "create", description = "Create one agent and keep it (its worker keeps running after this command);"
        + " --crash-at STEP halts the JVM right after that step instead.")
final class CreateCommand extends RootCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The agent's name: a lower-case letter, then letters, digits or '-'.")
    String name;

    @Option(names = "--crash-at", paramLabel = "STEP", description = "Halt this JVM right after STEP (workspace, row,"
            + " port, worker, window), as if it were killed there; the next command recovers what it left.")
    Step crashAt;

    @Override
    public Integer call() throws Exception {
        Environment.checkName(name);
        if (crashAt == Step.WINDOW && !Tmux.available()) {
            throw new Environment.UsageError("--crash-at window needs tmux, which is not installed here;"
                    + " accepted: workspace, row, port, worker");
        }
        Console console = console();
        Faults faults = crashAt == null ? Faults.NONE : Faults.crash(name, crashAt, console);
        try (Environment environment = open(faults, console)) {
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
