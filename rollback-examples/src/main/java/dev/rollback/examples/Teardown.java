package dev.rollback.examples;

import dev.rollback.Rollback;
import dev.rollback.RollbackScope;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Destroys an agent by rolling back a scope that holds the undo action of every resource it still
 * has: the same compensations and priorities as a failed creation, and the same report.
 */
final class Teardown {

    private final Environment environment;

    Teardown(Environment environment) {
        this.environment = environment;
    }

    /**
     * @param name the agent
     * @param live the agent as created by this process, or {@code null} to find its resources
     * @return whether there was anything to destroy
     * @throws dev.rollback.RollbackIncompleteException when a resource could not be released
     */
    boolean destroy(String name, Agent live) throws IOException, SQLException {
        Optional<Registry.Row> row = environment.registry().find(name);
        Path workspace = environment.workspaces().dirOf(name);
        List<Runnable> registrations = new ArrayList<>();
        if (Files.exists(workspace, LinkOption.NOFOLLOW_LINKS)) {
            registrations.add(() -> Rollback.register("remove workspace " + workspace, 10,
                    () -> environment.workspaces().remove(workspace, name)));
        }
        if (row.isPresent()) {
            registrations.add(() -> Rollback.register("delete row " + name, 20, () -> environment.registry().delete(name)));
        }
        Optional<ServerSocket> socket = live != null ? Optional.ofNullable(live.portSocket()) : environment.ports().socketOf(name);
        socket.filter(s -> !s.isClosed()).ifPresent(s -> registrations.add(() ->
                Rollback.register("close port " + s.getLocalPort(), 40, () -> environment.ports().release(s, name))));
        for (ProcessHandle worker : workers(name, workspace, row, live)) {
            registrations.add(() -> Rollback.register("end worker " + worker.pid(), 50,
                    () -> environment.workers().end(worker, name)));
        }
        window(name, row).ifPresent(window -> registrations.add(() -> Rollback.register("close window " + window, 30,
                () -> environment.windows().closeWindow(window, name))));
        if (registrations.isEmpty()) {
            return false;
        }
        RollbackScope scope = Rollback.begin("destroy-agent");
        registrations.forEach(Runnable::run);
        scope.close();
        return true;
    }

    /**
     * The worker: the handle taken at spawn; else the process with the recorded pid, only if it
     * started at the recorded instant (so a reused pid is never signalled); else, for leftovers of
     * a broken compensation, the processes whose command line names this agent.
     */
    private static List<ProcessHandle> workers(String name, Path workspace, Optional<Registry.Row> row, Agent live) {
        if (live != null) {
            return List.of(live.worker());
        }
        if (row.isPresent() && row.get().workerPid() != null) {
            Registry.Row known = row.get();
            return ProcessHandle.of(known.workerPid()).filter(handle -> handle.info().startInstant()
                    .map(start -> start.equals(known.workerStart())).orElse(false)).stream().toList();
        }
        return Checks.workerProcesses(name, workspace);
    }

    private Optional<String> window(String name, Optional<Registry.Row> row) throws IOException {
        if (row.isPresent() && row.get().window() != null) {
            return Optional.of(row.get().window());
        }
        return environment.tmux() && environment.tmuxServer().windowNames().contains(name)
                ? Optional.of(Tmux.SESSION + ":" + name) : Optional.empty();
    }
}
