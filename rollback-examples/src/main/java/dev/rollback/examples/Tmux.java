package dev.rollback.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs tmux on a server of the demo's own, one per root, listening on a socket inside the root
 * ({@code tmux -S <root>/tmux.sock}): the user's own sessions are never touched, two roots never
 * see each other's windows, and nothing is left in tmux's shared socket directory
 * ({@code /tmp/tmux-<uid>}). A tmux server that ends leaves its socket file behind: the demo removes
 * it when the root's last window is closed ({@link #endIfEmpty()}).
 */
final class Tmux {

    static final String SESSION = "rollback-demo";

    /**
     * The server's socket, named relative to the root, which tmux runs in: a socket's path may hold
     * 107 bytes at most, and a root's absolute path can be longer.
     */
    static final String SOCKET = "tmux.sock";

    private static final int LONGEST_SOCKET_PATH = 107;

    private final Path root;

    Tmux(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** @return what a user types to watch the demo's windows */
    String attachCommand() {
        String socket = root.resolve(SOCKET).toString();
        return socket.getBytes(StandardCharsets.UTF_8).length <= LONGEST_SOCKET_PATH
                ? "tmux -S " + socket + " attach -t " + SESSION
                : "cd " + root + " && tmux -S " + SOCKET + " attach -t " + SESSION;
    }

    /** @return whether tmux can be run here */
    static boolean available() {
        try {
            return run(List.of("tmux", "-V"), Path.of("").toAbsolutePath()).exitCode() == 0;
        } catch (IOException e) {
            return false; // not installed: the window step is skipped, and the demo says so
        }
    }

    record Result(int exitCode, String output) {
    }

    Result run(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", SOCKET));
        command.addAll(Arrays.asList(arguments));
        return run(command, root);
    }

    /**
     * Ends the server once it holds no session (it ends by itself then, unless the user's tmux
     * configuration turns {@code exit-empty} off), and removes the socket file it leaves behind.
     *
     * @return whether the server is gone; {@code false} while it still holds a session
     * @throws IOException when tmux gives an answer that tells neither, such as a version mismatch;
     *                     the socket is left then, since a server may still listen on it
     */
    boolean endIfEmpty() throws IOException {
        Path socket = root.resolve(SOCKET);
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        Result sessions = run("list-sessions", "-F", "#{session_name}");
        if (sessions.exitCode() == 0 && !sessions.output().isEmpty()) {
            return false;
        }
        if (sessions.exitCode() == 0) {
            run("kill-server"); // a server with no session: ended here, or by itself meanwhile, which is as good
        } else if (!sessions.output().startsWith("no server running") && !sessions.output().equals("server exited unexpectedly")) {
            throw new IOException("cannot tell whether the tmux server on " + socket + " still runs: " + sessions.output()
                    + "; its socket is left in place");
        }
        Files.deleteIfExists(socket);
        return true;
    }

    /** @return the names of the windows of the demo's session; empty when the server is not running */
    List<String> windowNames() throws IOException {
        Result result = run("list-windows", "-t", SESSION, "-F", "#{window_name}");
        return result.exitCode() == 0 && !result.output().isEmpty() ? List.of(result.output().split("\\R")) : List.of();
    }

    /** @return the ids ({@code @3}) of every window on this server; empty when it is not running */
    List<String> windowIds() throws IOException {
        Result result = run("list-windows", "-a", "-F", "#{window_id}");
        return result.exitCode() == 0 && !result.output().isEmpty() ? List.of(result.output().split("\\R")) : List.of();
    }

    private static Result run(List<String> command, Path directory) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(process.exitValue(), output);
    }
}
