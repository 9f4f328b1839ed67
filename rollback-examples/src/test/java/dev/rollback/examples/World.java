package dev.rollback.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The test's own eyes on what an agent holds: the file system, the process table, JDBC, a connect
 * attempt, and tmux. Shares no code with the demo's own checks.
 */
final class World {

    private final Path root;

    World(Path root) {
        this.root = root;
    }

    boolean workspaceExists(String agent) {
        return Files.exists(root.resolve("agents").resolve(agent), LinkOption.NOFOLLOW_LINKS);
    }

    /** The live workers of this agent under this root (a concurrent build may run agents of the same name). */
    List<ProcessHandle> workers(String agent) {
        String ready = root.resolve("agents").resolve(agent).resolve("worker.ready").toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(Arrays::asList)
                        .map(a -> a.contains("rollback-demo-worker") && a.contains(agent) && a.contains(ready)).orElse(false))
                .toList();
    }

    /** Ends this root's own tmux server, with every window a failed test left open. */
    void endTmuxServer() throws IOException, InterruptedException {
        if (tmuxInstalled()) {
            new ProcessBuilder("tmux", "-L", Tmux.serverFor(root), "kill-server").redirectErrorStream(true).start().waitFor();
        }
    }

    /** Ends every worker still running under this root, so that a failed test leaves no process behind. */
    void endAllWorkers() {
        String agents = root.resolve("agents").toAbsolutePath().toString();
        ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(Arrays::asList)
                        .map(a -> a.contains("rollback-demo-worker") && a.stream().anyMatch(s -> s.startsWith(agents)))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    Optional<String> rowState(String agent) throws SQLException {
        if (!Files.exists(root.resolve("registry.mv.db"))) {
            return Optional.empty();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + root.resolve("registry") + ";IFEXISTS=TRUE", "demo", "");
             PreparedStatement query = connection.prepareStatement("SELECT state FROM agents WHERE name = ?")) {
            query.setString(1, agent);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException refused) {
            return false; // refused: nothing listens, which is the question asked
        }
    }

    static boolean tmuxInstalled() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false; // no tmux here: window checks do not apply
        }
    }

    boolean windowExists(String agent) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("tmux", "-L", Tmux.serverFor(root), "list-windows", "-t", "rollback-demo",
                "-F", "#{window_name}").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() == 0 && output.lines().anyMatch(agent::equals);
    }
}
