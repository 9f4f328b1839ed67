package dev.rollback.examples;

import dev.rollback.Compensations;
import dev.rollback.annotation.Compensate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Step 4: a real child process per agent, whose command line contains {@value Worker#MARKER}. It
 * outlives this process when the agent is kept; the compensation ends it (and any descendants)
 * through the handle taken at spawn, never through a bare pid.
 */
public class Workers {

    private static final Duration READY_WITHIN = Duration.ofSeconds(20);
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Faults faults;
    private final Console console;

    public Workers(Faults faults, Console console) {
        this.faults = faults;
        this.console = console;
    }

    @Compensate(value = "stop", priority = 50, timeoutMillis = 15_000)
    public ProcessHandle start(String agent, Path workspace, int port) throws IOException, InterruptedException {
        faults.beforeStep(agent, Step.WORKER);
        Path ready = readyFile(workspace);
        Path log = workspace.resolve("logs").resolve("worker.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx32m",
                "-cp", absoluteClassPath(), Worker.class.getName(), Worker.MARKER, agent,
                Integer.toString(port), ready.toString()))
                .directory(workspace.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        awaitReady(process, ready, log);
        console.step(agent, Step.WORKER, "started pid " + process.pid() + " (" + Worker.MARKER + " " + agent + ")");
        return process.toHandle();
    }

    private void stop(ProcessHandle worker, String agent, Path workspace, int port) throws Exception {
        end(worker, agent);
    }

    /** Also used to tear down an agent that was created earlier. */
    void end(ProcessHandle worker, String agent) throws Exception {
        faults.beforeCompensation(agent, Step.WORKER);
        Compensations.destroy(worker, GRACE);
        console.undo(agent, Step.WORKER, "ended pid " + worker.pid());
    }

    /**
     * @return this JVM's class path with every entry made absolute: the worker starts in the agent's
     *         workspace, where a relative entry such as {@code rollback-examples/target/rollback-examples.jar}
     *         would point nowhere
     */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    /** @return the file a worker writes once it listens; it also tells the workers of one root from another's */
    static Path readyFile(Path workspace) {
        return workspace.toAbsolutePath().resolve("worker.ready");
    }

    private static void awaitReady(Process process, Path ready, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!Files.exists(ready)) {
            boolean alive = process.isAlive();
            if (!alive || System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                throw new IOException("worker " + process.pid() + (alive ? " did not get ready within "
                        + READY_WITHIN.toSeconds() + " s" : " exited with " + process.exitValue()) + "; its log: "
                        + Files.readString(log).strip());
            }
            Thread.sleep(10);
        }
    }
}
