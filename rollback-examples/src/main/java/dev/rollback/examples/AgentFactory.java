package dev.rollback.examples;

import dev.rollback.annotation.WithRollback;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The orchestrator: creates an agent in five steps, each a {@code @Compensate} call on a real
 * resource. If any step throws, the steps already done are undone before the exception leaves.
 */
public class AgentFactory {

    private final Workspaces workspaces;
    private final Registry registry;
    private final Ports ports;
    private final Workers workers;
    private final Windows windows;

    /**
     * @param windows the window step, or {@code null} when tmux is not installed
     */
    public AgentFactory(Workspaces workspaces, Registry registry, Ports ports, Workers workers, Windows windows) {
        this.workspaces = workspaces;
        this.registry = registry;
        this.ports = ports;
        this.workers = workers;
        this.windows = windows;
    }

    @WithRollback("create-agent")
    public Agent create(String name) throws Exception {
        Path workspace = workspaces.create(name);
        registry.insert(name, workspace);
        ServerSocket port = ports.bind(name);
        ProcessHandle worker = workers.start(name, workspace, port.getLocalPort());
        String window = windows == null ? null : windows.open(name, workspace);
        Instant workerStart = worker.info().startInstant().orElseThrow(
                () -> new IllegalStateException("the platform does not report when process " + worker.pid() + " started"));
        Agent agent = new Agent(name, workspace, port, port.getLocalPort(), worker, workerStart, window);
        registry.complete(agent);
        return agent;
    }

    /** @return the last step an agent goes through here */
    public Step lastStep() {
        return windows == null ? Step.WORKER : Step.WINDOW;
    }
}
