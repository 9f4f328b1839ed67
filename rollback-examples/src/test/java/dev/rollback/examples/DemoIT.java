package dev.rollback.examples;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged demo, run as a user runs it, failing at every step in turn; the test checks the
 * world itself.
 */
class DemoIT {

    /** tmux's own socket directory for this test's runs: see {@link DemoRun#tmuxTmpDir(Path)}. */
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

    static Stream<Arguments> stepsAndWeavings() {
        return Stream.of(Step.values()).flatMap(step -> Stream.of(Arguments.of(step, false), Arguments.of(step, true)));
    }

    @ParameterizedTest(name = "failing at step {0} (java agent: {1}) leaves nothing of the failed agent, and the other intact")
    @MethodSource("stepsAndWeavings")
    void failingAtAStepLeavesNothingOfTheFailedAgent(Step step, boolean underAgent) throws Exception {
        assumeTrue(step != Step.WINDOW || World.tmuxInstalled(), "tmux is not installed");
        DemoRun run = underAgent
                ? DemoRun.of(root, "demo", "--agent", "--agents", "2", "--fail-at", step.cliName(), "--keep", "--no-crash")
                : DemoRun.of(root, "demo", "--agents", "2", "--fail-at", step.cliName(), "--keep", "--no-crash");
        World world = new World(root);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).contains(underAgent ? "woven by the Rollback java agent (classes compiled by plain javac,"
                + " never woven)" : "woven by AspectJ, at compile time");
        assertThat(run.output()).contains("agent-2 FAILED: injected failure at step " + step.cliName() + " of agent-2",
                "Demo done: nothing of agent-2 remains.");
        assertThat(world.workspaceExists("agent-2")).as("workspace of agent-2").isFalse();
        assertThat(world.workers("agent-2")).as("workers of agent-2").isEmpty();
        assertThat(world.rowState("agent-2")).as("row of agent-2").isEmpty();
        run.port("agent-2").ifPresent(port -> assertThat(World.accepts(port)).as("port " + port + " of agent-2").isFalse());
        assertThat(run.port("agent-2").isPresent()).isEqualTo(step.compareTo(Step.PORT) > 0);
        if (World.tmuxInstalled()) {
            assertThat(world.windowExists("agent-2")).as("window of agent-2").isFalse();
        }

        assertThat(world.workspaceExists("agent-1")).isTrue();
        assertThat(world.workers("agent-1")).hasSize(1);
        assertThat(world.rowState("agent-1")).contains("ready");
        assertThat(World.accepts(run.port("agent-1").orElseThrow())).as("port of kept agent-1").isTrue();

        DemoRun destroy = DemoRun.of(root, "destroy", "agent-1");
        assertThat(destroy.exitCode()).as(destroy.toString()).isZero();
        assertThat(world.workspaceExists("agent-1")).isFalse();
        assertThat(world.workers("agent-1")).isEmpty();
        assertThat(world.rowState("agent-1")).isEmpty();
        assertThat(World.accepts(run.port("agent-1").orElseThrow())).isFalse();
    }

    @Test
    void aBrokenCompensationIsReportedAndTheRestIsStillUndone() throws Exception {
        DemoRun run = DemoRun.of(root, "demo", "--agents", "1", "--fail-at", "worker", "--break-compensation", "workspace",
                "--no-crash");
        World world = new World(root);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).containsPattern("Workspaces\\.create\\(agent-1\\)\\s+10\\s+FAILED\\s+1")
                .containsPattern("Ports\\.bind\\(agent-1\\)\\s+40\\s+SUCCEEDED")
                .contains("compensation of step workspace of agent-1 broken on purpose (--break-compensation workspace)")
                .contains("workspace  LEFT (expected)")
                .contains("  agent-1    row        undo: deleted 1 row(s)");
        assertThat(world.rowState("agent-1")).isEmpty();
        assertThat(World.accepts(run.port("agent-1").orElseThrow())).isFalse();
        assertThat(world.workspaceExists("agent-1")).as("cleaned up after the report").isFalse();
    }

    @Test
    void theDefaultDemoFailsTheLastAgentAtItsLastStepAndCleansUp() throws Exception {
        DemoRun run = DemoRun.of(root, "demo");
        World world = new World(root);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String last = World.tmuxInstalled() ? "window" : "worker";
        assertThat(run.output()).contains("agent-3 fails at step " + last, "agent-1 intact: yes", "agent-2 intact: yes");
        for (String agent : new String[] {"agent-1", "agent-2", "agent-3"}) {
            assertThat(world.workspaceExists(agent)).isFalse();
            assertThat(world.workers(agent)).isEmpty();
            assertThat(world.rowState(agent)).isEmpty();
        }
        DemoRun audit = DemoRun.of(root, "verify-audit");
        assertThat(audit.exitCode()).as(audit.toString()).isZero();
        assertThat(audit.output()).contains("is intact: ");
    }

    @Test
    void theDemoLeavesNoTmuxServerNorSocketFileBehindWhereverTmuxWouldPutIt() throws Exception {
        assumeTrue(World.tmuxInstalled(), "tmux is not installed");
        DemoRun run = DemoRun.of(root, "demo", "--agents", "2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).contains("agent-1    window     opened tmux window");
        assertThat(World.socketFiles(tmuxTmpDir, root)).as("socket files in tmux's directory and in the root").isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(World.processesWorkingUnder(root)).as("tmux server, window shells, workers").isEmpty());
    }

    @Test
    void runsFromAJarPathRelativeToTheWorkingDirectoryAsReadmesFirstCommandDoes() throws Exception {
        DemoRun run = DemoRun.relative(root, "demo", "--agents", "2");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).contains("agent-1 ready", "Demo done: nothing of agent-2 remains.");
    }

    @Test
    void anUnknownStepIsRefusedInOneLineAndCreatesNothing() throws Exception {
        Path fresh = root.resolve("fresh");
        DemoRun run = DemoRun.of(fresh, "demo", "--fail-at", "database");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output().strip()).isEqualTo("rollback-demo: Invalid value for option '--fail-at': unknown step"
                + " 'database'; accepted: workspace, row, port, worker, window");
        assertThat(fresh).doesNotExist();
    }

    @Test
    void anUnusableRootIsRefusedInOneLineAndCreatesNothing() throws Exception {
        Path file = Files.writeString(root.resolve("a-file"), "not a directory");
        DemoRun run = DemoRun.of(file.resolve("root"), "demo");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output().strip()).isEqualTo("rollback-demo: cannot use " + file.resolve("root") + " as root: "
                + file + " is not a directory; accepted: a writable directory, or a path that can be created");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void anUnsafeNameIsRefusedInOneLineAndCreatesNothing() throws Exception {
        Path fresh = root.resolve("fresh");
        DemoRun run = DemoRun.of(fresh, "create", "../escape");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output().strip()).isEqualTo("rollback-demo: '../escape' is not a safe agent name; accepted: a"
                + " lower-case letter, then up to 31 lower-case letters, digits or '-'");
        assertThat(fresh).doesNotExist();
    }

    @Test
    void createListAndDestroyAnAgent() throws Exception {
        DemoRun create = DemoRun.of(root, "create", "solo");
        assertThat(create.exitCode()).as(create.toString()).isZero();
        World world = new World(root);
        assertThat(world.workers("solo")).hasSize(1);

        DemoRun list = DemoRun.of(root, "list");
        assertThat(list.output()).contains("solo (ready)  workspace: present").doesNotContain("MISSING");

        DemoRun destroy = DemoRun.of(root, "destroy", "solo");
        assertThat(destroy.exitCode()).as(destroy.toString()).isZero();
        assertThat(world.workers("solo")).isEmpty();
        assertThat(world.workspaceExists("solo")).isFalse();
        assertThat(DemoRun.of(root, "list").output()).contains("no agents under");
    }
}
