package dev.rollback.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs tmux on a server of the demo's own ({@code tmux -L rollback-demo}), so that the user's own
 * sessions are never touched.
 */
final class Tmux {

    static final String SERVER = "rollback-demo";
    static final String SESSION = "rollback-demo";

    private Tmux() {
    }

    /** @return whether tmux can be run here */
    static boolean available() {
        try {
            return run("-V").exitCode() == 0;
        } catch (IOException e) {
            return false; // not installed: the window step is skipped, and the demo says so
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result run(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", SERVER));
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("tmux " + String.join(" ", arguments) + " did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running tmux " + String.join(" ", arguments), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(process.exitValue(), output);
    }

    /** @return the names of the windows of the demo's session; empty when the server is not running */
    static List<String> windowNames() throws IOException {
        Result result = run("list-windows", "-t", SESSION, "-F", "#{window_name}");
        return result.exitCode() == 0 && !result.output().isEmpty() ? List.of(result.output().split("\\R")) : List.of();
    }
}
