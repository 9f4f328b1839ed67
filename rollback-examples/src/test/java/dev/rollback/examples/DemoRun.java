package dev.rollback.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the packaged example jar in a JVM of its own, as a user does.
 */
record DemoRun(int exitCode, String output) {

    private static final Path JAR = Path.of(System.getProperty("rollback.examples.jar", "target/rollback-examples.jar"));

    /**
     * tmux's directory for the sockets it names itself ({@code TMUX_TMPDIR}, {@code /tmp} by
     * default), private to the tests that set it, so that they see every socket a run leaves there
     * and none of another build's.
     */
    private static volatile Path tmuxTmpDir;

    static void tmuxTmpDir(Path directory) {
        tmuxTmpDir = directory;
    }

    static DemoRun of(Path root, String... arguments) throws IOException, InterruptedException {
        return run(JAR.toAbsolutePath().toString(), Path.of("").toAbsolutePath(), root, arguments);
    }

    /** Runs the jar as README's first command does: by a path relative to the directory the JVM starts in. */
    static DemoRun relative(Path root, String... arguments) throws IOException, InterruptedException {
        Path jar = JAR.toAbsolutePath();
        Path from = jar.getParent().getParent().getParent();
        return run(from.relativize(jar).toString(), from, root, arguments);
    }

    private static DemoRun run(String jar, Path directory, Path root, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        command.addAll(List.of(arguments));
        command.add("--root");
        command.add(root.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        if (tmuxTmpDir != null) {
            builder.environment().put("TMUX_TMPDIR", tmuxTmpDir.toString());
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the demo did not finish within 2 minutes: " + new String(output, StandardCharsets.UTF_8));
        }
        return new DemoRun(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** @return the port the demo printed for an agent */
    Optional<Integer> port(String agent) {
        Matcher matcher = Pattern.compile("  " + Pattern.quote(agent) + "\\s+port\\s+bound 127\\.0\\.0\\.1:(\\d+)").matcher(output);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ":\n" + output;
    }
}
