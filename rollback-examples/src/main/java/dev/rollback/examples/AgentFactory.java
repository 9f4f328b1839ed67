package dev.rollback.examples;

import dev.rollback.annotation.WithRollback;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The orchestrator: creates an agent in five steps, each a {@code @Compensate} call on a real
 * resource. If any step throws, the steps already done are undone before the exception leaves. The
 * scope is durable: each step is journaled under the root, so that a process killed half-way
 * leaves nothing once the next command starts (it recovers first).
 */
public class AgentFactory {

    private final Workspaces workspaces;
    private final Registry registry;
    private final Ports ports;
    private final Workers workers;
    private final Windows windows;
    private final Faults faults;

    /**
     * @param windows the window step, or {@code null} when tmux is not installed
     * @param faults  where {@code --crash-at} halts the JVM, right after a step returned
     */
    public AgentFactory(Workspaces workspaces, Registry registry, Ports ports, Workers workers, Windows windows,
                        Faults faults) {
        this.workspaces = workspaces;
        this.registry = registry;
        this.ports = ports;
        this.workers = workers;
        this.windows = windows;
        this.faults = faults;
    }

    @WithRollback(value = "create-agent", durable = true)
    public Agent create(String name) throws Exception {
        return steps(name);
    }

    /**
     * The five steps, in whatever scope is open: {@link #create} opens the durable one. The
     * rollback-test kit's idempotency probe calls this in a scope of its own that is not durable,
     * since it records each call a second time as a lambda, which a durable scope refuses.
     */
    Agent steps(String name) throws Exception {
        Path workspace = workspaces.create(name);
        faults.afterStep(name, Step.WORKSPACE);
        registry.insert(name, workspace);
        faults.afterStep(name, Step.ROW);
        int port = ports.bind(name);
        faults.afterStep(name, Step.PORT);
        ProcessHandle worker = workers.start(name, workspace, port);
        faults.afterStep(name, Step.WORKER);
        String window = null;
        if (windows != null) {
            window = windows.open(name, workspace);
            faults.afterStep(name, Step.WINDOW);
        }
        Instant workerStart = worker.info().startInstant().orElseThrow(
                () -> new IllegalStateException("the platform does not report when process " + worker.pid() + " started"));
        Agent agent = new Agent(name, workspace, ports.socketOf(name).orElseThrow(), port, worker, workerStart, window);
        registry.complete(agent);
        return agent;
    }

    /** @return the last step an agent goes through here */
    public Step lastStep() {
        return windows == null ? Step.WORKER : Step.WINDOW;
    }
}
