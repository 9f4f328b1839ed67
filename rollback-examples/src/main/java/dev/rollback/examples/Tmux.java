package dev.rollback.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs tmux on a server of the demo's own, one per root ({@code tmux -L rollback-demo-<hash>}), so
 * that the user's own sessions are never touched and two roots never see each other's windows.
 */
final class Tmux {

    static final String SESSION = "rollback-demo";

    private final String server;

    Tmux(Path root) {
        this.server = serverFor(root);
    }

    /** @return the name of the tmux server that holds the windows of the agents under {@code root} */
    static String serverFor(Path root) {
        return "rollback-demo-" + String.format(Locale.ROOT, "%08x", root.toAbsolutePath().normalize().toString().hashCode());
    }

    /** @return whether tmux can be run here */
    static boolean available() {
        try {
            return run(List.of("tmux", "-V")).exitCode() == 0;
        } catch (IOException e) {
            return false; // not installed: the window step is skipped, and the demo says so
        }
    }

    record Result(int exitCode, String output) {
    }

    String server() {
        return server;
    }

    Result run(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", server));
        command.addAll(Arrays.asList(arguments));
        return run(command);
    }

    /** @return the names of the windows of the demo's session; empty when the server is not running */
    List<String> windowNames() throws IOException {
        Result result = run("list-windows", "-t", SESSION, "-F", "#{window_name}");
        return result.exitCode() == 0 && !result.output().isEmpty() ? List.of(result.output().split("\\R")) : List.of();
    }

    private static Result run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
