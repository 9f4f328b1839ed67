package dev.rollback.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks, with its own eyes, for what an agent left behind: the file system, the process table, the
 * database, a connect attempt on its port, and tmux.
 */
final class Checks {

    /** One thing looked for: whether it is there, and what was seen. */
    record Finding(String what, boolean present, String detail) {
    }

    private final Environment environment;

    Checks(Environment environment) {
        this.environment = environment;
    }

    List<Finding> lookFor(String agent) throws IOException, SQLException {
        return lookFor(agent, Optional.empty());
    }

    /**
     * @param knownPort the agent's port as seen earlier, for an agent whose port neither this process
     *                  nor the registry knows (a dead run's); else the one its live worker listens on
     */
    List<Finding> lookFor(String agent, Optional<Integer> knownPort) throws IOException, SQLException {
        List<Finding> findings = new ArrayList<>();
        java.nio.file.Path workspace = environment.workspaces().dirOf(agent);
        findings.add(new Finding("workspace", Files.exists(workspace, LinkOption.NOFOLLOW_LINKS), workspace.toString()));
        List<ProcessHandle> workers = workerProcesses(agent, workspace);
        findings.add(new Finding("worker", !workers.isEmpty(), workers.isEmpty() ? "no process with '" + Worker.MARKER
                + " " + agent + "'" : "pid " + workers.stream().map(p -> Long.toString(p.pid())).toList()));
        Optional<Registry.Row> row = environment.registry().find(agent);
        findings.add(new Finding("row", row.isPresent(), row.map(r -> "state " + r.state()).orElse("no row")));
        Optional<Integer> port = environment.ports().portOf(agent).or(() -> row.map(Registry.Row::port)).or(() -> knownPort)
                .or(() -> workers.stream().map(Checks::portOf).flatMap(Optional::stream).findFirst());
        findings.add(port.map(p -> new Finding("port", listening(p), InetAddress.getLoopbackAddress().getHostAddress() + ":" + p))
                .orElse(new Finding("port", false, "never bound")));
        if (environment.tmux()) {
            boolean window = environment.tmuxServer().windowNames().contains(agent);
            findings.add(new Finding("window", window, "tmux window '" + agent + "'"));
        }
        return findings;
    }

    /**
     * @return the live worker processes of this agent under this root: other roots may have agents
     *         of the same name
     */
    static List<ProcessHandle> workerProcesses(String agent, java.nio.file.Path workspace) {
        String ready = Workers.readyFile(workspace).toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(p -> {
            String[] arguments = p.info().arguments().orElse(new String[0]);
            for (int i = 0; i + 3 < arguments.length; i++) {
                if (arguments[i].equals(Worker.MARKER) && arguments[i + 1].equals(agent) && arguments[i + 3].equals(ready)) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    /** @return the port on a worker's command line ({@code rollback-demo-worker AGENT PORT READY_FILE}) */
    static Optional<Integer> portOf(ProcessHandle worker) {
        String[] arguments = worker.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 2 < arguments.length; i++) {
            if (arguments[i].equals(Worker.MARKER)) {
                return Optional.of(Integer.parseInt(arguments[i + 2]));
            }
        }
        return Optional.empty();
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException refused) {
            return false; // refused or unreachable: nobody listens, which is what is being asked
        }
    }
}
