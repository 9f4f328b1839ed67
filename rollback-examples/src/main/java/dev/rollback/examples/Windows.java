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
        console.step(agent, Step.WINDOW, "opened tmux window " + created.output() + " (" + tmux.attachCommand() + ")");
        return created.output();
    }

    private void close(String window, String agent, Path workspace) throws IOException {
        closeWindow(window, agent);
    }

    /** @param window an id ({@code @3}) or {@code session:name} */
    private boolean stillOpen(String window) throws IOException {
        return window.startsWith("@") ? tmux.windowIds().contains(window)
                : tmux.windowNames().contains(window.substring(window.indexOf(':') + 1));
    }

    /**
     * Also used to tear down an agent that was created earlier. A window that is already gone counts
     * as closed. Closing the root's last window ends its tmux server, whose socket goes with it.
     */
    void closeWindow(String window, String agent) throws IOException {
        faults.beforeCompensation(agent, Step.WINDOW);
        Tmux.Result killed = tmux.run("kill-window", "-t", window);
        if (killed.exitCode() != 0 && stillOpen(window)) {
            throw new IOException("tmux could not close window " + window + " of " + agent + ": " + killed.output());
        }
        boolean serverEnded = tmux.endIfEmpty();
        console.undo(agent, Step.WINDOW, "closed tmux window " + window + (serverEnded ? " (the last: tmux server ended)" : ""));
    }
}
