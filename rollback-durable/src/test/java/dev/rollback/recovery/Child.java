package dev.rollback.recovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link CrashingRun} in a child JVM under the agent, read line by line. */
final class Child implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final List<String> lines = new ArrayList<>();

    private Child(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Child start(Path ledger, String crashAt, String how, boolean fail, String... args) throws IOException {
        return start(List.of(), ledger, crashAt, how, fail, args);
    }

    static Child start(List<String> jvmOptions, Path ledger, String crashAt, String how, boolean fail, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + System.getProperty("rollback.test.agent"), "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dledger=" + ledger, "-Dcrash.at=" + crashAt, "-Dcrash.how=" + how, "-Dfail=" + fail,
                "-cp", System.getProperty("java.class.path"), CrashingRun.class.getName()));
        command.addAll(List.of(args));
        return new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** @return the first line starting with {@code prefix}; fails when the child ends before printing it */
    String awaitLine(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the child ended (exit " + waitForExit() + ") without printing '" + prefix
                + "'; it printed " + lines);
    }

    /** @return the worker's pid, if the child printed it */
    List<Long> workers() {
        return lines.stream().filter(line -> line.startsWith("WORKER ")).map(line -> Long.parseLong(line.substring(7))).toList();
    }

    /** Kills the child as SIGKILL does, once it says it is at its crash point. */
    void killWhenAt(String point) throws IOException {
        awaitLine("KILL-ME " + point);
        process.destroyForcibly();
        waitForExit();
    }

    /** Lets a child that halts itself die, reading what it printed before. */
    int awaitHalt() throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
        }
        return waitForExit();
    }

    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    int waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child did not end within 60 s; it printed " + lines);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the child", e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        waitForExit();
    }
}
