package dev.rollback.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The test's own eyes on what an agent holds: the file system, the process table, JDBC, a connect
 * attempt, and tmux. Shares no code with the demo's own checks.
 */
final class World {

    /** Where the demo's tmux server listens: in the root, so that it goes when the root goes. */
    private static final String SOCKET = "tmux.sock";

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

    /** Ends this root's own tmux server, with every window a failed test left open, and removes its socket. */
    void endTmuxServer() throws IOException, InterruptedException {
        if (tmuxInstalled() && Files.exists(root.resolve(SOCKET), LinkOption.NOFOLLOW_LINKS)) {
            tmux("kill-server").waitFor();
            Files.deleteIfExists(root.resolve(SOCKET));
        }
    }

    /**
     * @return every socket file (what tmux's server listens on) under these directories, such as
     *         a dead server's socket that tmux never removes
     */
    static List<Path> socketFiles(Path... directories) throws IOException {
        List<Path> sockets = new ArrayList<>();
        for (Path directory : directories) {
            if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.filter(World::isSocket).forEach(sockets::add);
                }
            }
        }
        return sockets;
    }

    /**
     * @return the processes working in {@code directory} or below it: the demo's tmux server runs in
     *         the root (it would be seen here even if its socket were gone), the shells of its windows
     *         and the workers in the agents' workspaces
     */
    static List<ProcessHandle> processesWorkingUnder(Path directory) throws IOException {
        Path real = directory.toRealPath();
        return ProcessHandle.allProcesses()
                .filter(p -> workingDirectory(p).map(cwd -> cwd.startsWith(real)).orElse(false))
                .toList();
    }

    private static Optional<Path> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")));
        } catch (IOException goneOrForeign) {
            return Optional.empty(); // ended meanwhile, or not ours to read: not a server of this root
        }
    }

    private static boolean isSocket(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException vanished) {
            return false; // removed while the walk ran: it is not left behind
        }
    }

    /** @return tmux run against this root's own server, in the root, where its socket lives */
    private Process tmux(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", SOCKET));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
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
        if (!Files.exists(root.resolve(SOCKET), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Process process = tmux("list-windows", "-t", "rollback-demo", "-F", "#{window_name}");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() == 0 && output.lines().anyMatch(agent::equals);
    }
}
