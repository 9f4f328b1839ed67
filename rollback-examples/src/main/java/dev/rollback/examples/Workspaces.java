package dev.rollback.examples;

import dev.rollback.Compensations;
import dev.rollback.annotation.Compensate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Step 1: a workspace directory with a few files, under {@code <root>/agents}.
 */
public class Workspaces {

    private final Path agents;
    private final Faults faults;
    private final Console console;

    public Workspaces(Path agents, Faults faults, Console console) {
        this.agents = agents;
        this.faults = faults;
        this.console = console;
    }

    @Compensate(value = "remove", priority = 10)
    public Path create(String agent) throws IOException {
        faults.beforeStep(agent, Step.WORKSPACE);
        Path dir = Files.createDirectory(agents.resolve(agent));
        Files.writeString(dir.resolve("agent.properties"), "name=" + agent + System.lineSeparator());
        Files.createDirectory(dir.resolve("logs"));
        Files.createDirectory(dir.resolve("cache"));
        Files.writeString(dir.resolve("cache").resolve("state.bin"), "0".repeat(4096));
        console.step(agent, Step.WORKSPACE, "created " + dir);
        return dir;
    }

    /** Also used to tear down an agent that was created earlier. */
    void remove(Path dir, String agent) throws Exception {
        faults.beforeCompensation(agent, Step.WORKSPACE);
        Compensations.deleteTree(dir, agents);
        console.undo(agent, Step.WORKSPACE, "deleted " + dir);
    }

    Path dirOf(String agent) {
        return agents.resolve(agent);
    }
}
