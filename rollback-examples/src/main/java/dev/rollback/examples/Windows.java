package dev.rollback.examples;

import dev.rollback.annotation.Compensate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Step 5: a tmux window per agent, in the session {@value Tmux#SESSION} of the root's own tmux
 * server. Skipped when tmux is not installed.
 */
public class Windows {

    private final Tmux tmux;
    private final Faults faults;
    private final Console console;

    Windows(Tmux tmux, Faults faults, Console console) {
        this.tmux = tmux;
        this.faults = faults;
        this.console = console;
    }

    @Compensate(value = "close", priority = 30)
    public String open(String agent, Path workspace) throws IOException {
        faults.beforeStep(agent, Step.WINDOW);
        Tmux.Result created = tmux.run("new-window", "-d", "-t", Tmux.SESSION + ":", "-n", agent, "-c", workspace.toString(),
                "-P", "-F", "#{window_id}");
        if (created.exitCode() != 0) {
            created = tmux.run("new-session", "-d", "-s", Tmux.SESSION, "-n", agent, "-c", workspace.toString(),
                    "-P", "-F", "#{window_id}");
        }
        if (created.exitCode() != 0) {
            throw new IOException("tmux could not open a window for " + agent + ": " + created.output());
        }
        console.step(agent, Step.WINDOW, "opened tmux window " + created.output() + " (tmux -L " + tmux.server()
                + " attach -t " + Tmux.SESSION + ")");
        return created.output();
    }

    private void close(String window, String agent, Path workspace) throws IOException {
        closeWindow(window, agent);
    }

    /** Also used to tear down an agent that was created earlier. */
    void closeWindow(String window, String agent) throws IOException {
        faults.beforeCompensation(agent, Step.WINDOW);
        Tmux.Result killed = tmux.run("kill-window", "-t", window);
        if (killed.exitCode() != 0) {
            throw new IOException("tmux could not close window " + window + " of " + agent + ": " + killed.output());
        }
        console.undo(agent, Step.WINDOW, "closed tmux window " + window);
    }
}
