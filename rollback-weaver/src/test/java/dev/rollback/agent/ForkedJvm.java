package dev.rollback.agent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts an application in a fresh JVM, the way users start theirs: plain classes on the class
 * path, the agent jar built by this module given with {@code -javaagent}.
 */
final class ForkedJvm {

    static final Path AGENT_JAR = Path.of(System.getProperty("rollback.agent.jar"));
    static final Path TEST_CLASSES = Path.of(System.getProperty("rollback.test.classes"));
    /** The JVM to fork; {@code -Drollback.test.java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java} tests another. */
    static final String JAVA = System.getProperty("rollback.test.java",
            Path.of(System.getProperty("java.home"), "bin", "java").toString());

    private final List<String> command = new ArrayList<>(List.of(JAVA));
    private final List<String> classpath = new ArrayList<>();

    ForkedJvm agent(String options) {
        command.add("-javaagent:" + AGENT_JAR + (options.isEmpty() ? "" : "=" + options));
        return this;
    }

    ForkedJvm option(String option) {
        command.add(option);
        return this;
    }

    ForkedJvm classpath(Path... entries) {
        for (Path entry : entries) {
            classpath.add(entry.toString());
        }
        return this;
    }

    /**
     * Puts the application's own SLF4J and a provider on the class path, silenced, so that stderr shows
     * only what the agent prints: the engine logs through the application's SLF4J.
     */
    ForkedJvm quietLogging() {
        return classpath(jarOf(org.slf4j.Logger.class), jarOf(org.slf4j.simple.SimpleLogger.class))
                .option("-Dorg.slf4j.simpleLogger.defaultLogLevel=off");
    }

    Result run(String mainClass, String... args) throws IOException, InterruptedException {
        return start(mainClass, args).finish(process -> {
        });
    }

    Running start(String mainClass, String... args) throws IOException {
        List<String> full = new ArrayList<>(command);
        if (!classpath.isEmpty()) {
            full.add("-cp");
            full.add(String.join(File.pathSeparator, classpath));
        }
        full.add(mainClass);
        full.addAll(List.of(args));
        return new Running(full);
    }

    ForkedJvm jar(Path jar) {
        command.add("-jar");
        command.add(jar.toString());
        return this;
    }

    Result runJar() throws IOException, InterruptedException {
        return new Running(new ArrayList<>(command)).finish(process -> {
        });
    }

    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A started JVM whose output goes to files, so that neither pipe can fill up and block it. */
    static final class Running {

        final Process process;
        private final Path out;
        private final Path err;

        Running(List<String> command) throws IOException {
            out = Files.createTempFile("forked-jvm", ".out");
            err = Files.createTempFile("forked-jvm", ".err");
            process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        }

        List<String> stdoutSoFar() throws IOException {
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        }

        Result finish(Consumer<Process> whileRunning) throws IOException, InterruptedException {
            whileRunning.accept(process);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the forked JVM did not finish within 120 s; stderr: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            Result result = new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                    Files.readAllLines(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        }
    }

    /**
     * @param exitCode the JVM's exit code
     * @param stdout   what it printed on standard output, by line
     * @param stderr   what it printed on standard error, by line
     */
    record Result(int exitCode, List<String> stdout, List<String> stderr) {

        List<String> agentLines() {
            return stderr.stream().filter(line -> line.startsWith("[rollback-agent]")).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + String.join("\n", stderr);
        }
    }
}
