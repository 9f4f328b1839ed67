package dev.rollback.examples;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar's {@code create NAME --crash-at STEP}, halted right after each step in turn, then
 * {@code recover}: the test looks at the world itself, before and after.
 */
class CrashIT {

    @TempDir
    Path tmuxTmpDir;

    @TempDir
    Path root;

    @BeforeEach
    void giveTmuxASocketDirectoryOfTheTestsOwn() {
        DemoRun.tmuxTmpDir(tmuxTmpDir);
    }

    @AfterEach
    void leavesNoSocketFileAndEndsWhatAFailedTestLeftRunning() throws Exception {
        List<Path> sockets = World.socketFiles(tmuxTmpDir, root);
        World world = new World(root);
        world.endAllWorkers();
        world.endTmuxServer();
        assertThat(sockets).as("socket files left after the test").isEmpty();
    }

    @ParameterizedTest(name = "a run halted right after step {0} leaves it behind, and recover leaves nothing")
    @EnumSource(Step.class)
    void aRunHaltedAfterAStepLeavesItAndRecoverLeavesNothing(Step step) throws Exception {
        assumeTrue(step != Step.WINDOW || World.tmuxInstalled(), "tmux is not installed");
        World world = new World(root);

        DemoRun crashed = DemoRun.of(root, "create", "crashy", "--crash-at", step.cliName());

        assertThat(crashed.exitCode()).as(crashed.toString()).isEqualTo(137);
        assertThat(crashed.output()).contains("crashy crash: halting this JVM", "right after step " + step.cliName());
        assertThat(world.workspaceExists("crashy")).as("workspace left by the dead run").isTrue();
        assertThat(world.rowState("crashy")).as("row left by the dead run").isEqualTo(
                step.compareTo(Step.ROW) >= 0 ? Optional.of("creating") : Optional.empty());
        Optional<Long> workerPid = workerPid(crashed);
        assertThat(workerPid.isPresent()).as("worker started").isEqualTo(step.compareTo(Step.WORKER) >= 0);
        workerPid.ifPresent(pid -> assertThat(alive(pid)).as("worker " + pid + " left alive by the dead run").isTrue());
        if (step == Step.WINDOW) {
            assertThat(world.windowExists("crashy")).as("window left by the dead run").isTrue();
        }

        DemoRun recover = DemoRun.of(root, "recover");

        assertThat(recover.exitCode()).as(recover.toString()).isZero();
        assertThat(recover.output()).contains("recovered what a dead run left (complete):",
                "rollback of 'create-agent'", "100.0% complete, " + (step.ordinal() + 1) + " action(s)");
        assertThat(world.workspaceExists("crashy")).as("workspace after recovery").isFalse();
        assertThat(world.rowState("crashy")).as("row after recovery").isEmpty();
        workerPid.ifPresent(CrashIT::awaitEnded);
        assertThat(world.workers("crashy")).isEmpty();
        crashed.port("crashy").ifPresent(port -> assertThat(World.accepts(port)).as("port " + port).isFalse());
        assertThat(world.windowExists("crashy")).as("window after recovery").isFalse();
        assertThat(World.socketFiles(tmuxTmpDir, root)).as("tmux socket files after recovery").isEmpty();

        DemoRun again = DemoRun.of(root, "recover");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.output().strip()).isEqualTo("nothing to recover under " + root.toAbsolutePath().normalize());
    }

    @Test
    void everyCommandRecoversWhatADeadRunLeftBeforeItDoesAnythingElse() throws Exception {
        DemoRun crashed = DemoRun.of(root, "create", "crashy", "--crash-at", "worker");
        assertThat(crashed.exitCode()).as(crashed.toString()).isEqualTo(137);
        long pid = workerPid(crashed).orElseThrow();

        DemoRun list = DemoRun.of(root, "list");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.output()).contains("crashy     worker     undo: ended pid " + pid,
                "recovered what a dead run left (complete):", "no agents under");
        awaitEnded(pid);
        assertThat(new World(root).workspaceExists("crashy")).isFalse();
    }

    @Test
    void aBadCrashStepIsRefusedInOneLineNamingTheAcceptedStepsAndCreatesNothing() throws Exception {
        Path fresh = root.resolve("fresh");
        DemoRun run = DemoRun.of(fresh, "create", "crashy", "--crash-at", "database");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output().strip()).isEqualTo("rollback-demo: Invalid value for option '--crash-at': unknown step"
                + " 'database'; accepted: workspace, row, port, worker, window");
        assertThat(fresh).doesNotExist();
    }

    @Test
    void theDemoShowsACrashOfAChildJvmAndItsRecovery() throws Exception {
        DemoRun run = DemoRun.of(root, "demo", "--agents", "1", "--crash-at", "worker");
        World world = new World(root);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).contains("Crash: a child JVM runs 'create agent-crash --crash-at worker'",
                "child JVM pid ", "is gone, exit code 137", "workspace  LEFT", "worker     LEFT     pid [",
                "recovered what a dead run left (complete):", "Crash recovered: nothing of agent-crash remains.");
        assertThat(world.workspaceExists("agent-crash")).isFalse();
        assertThat(world.workers("agent-crash")).isEmpty();
        assertThat(world.rowState("agent-crash")).isEmpty();
    }

    private static Optional<Long> workerPid(DemoRun run) {
        Matcher matcher = Pattern.compile("worker\\s+started pid (\\d+)").matcher(run.output());
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /**
     * The dead run's worker is an orphan: recovery ends it, and its parent now (PID 1, or a
     * subreaper) reaps it when it gets to it; until then {@code isAlive()} sees a zombie.
     */
    private static void awaitEnded(long pid) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(alive(pid)).as("worker " + pid + " after recovery").isFalse());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
