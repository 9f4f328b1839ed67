package dev.rollback.examples;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The root's own tmux server, run for real: its socket lives in the root and goes when the server ends. */
class TmuxTest {

    @TempDir
    Path root;

    private Tmux tmux;

    @BeforeEach
    void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed");
        tmux = new Tmux(root);
    }

    @AfterEach
    void endTheServer() throws Exception {
        if (tmux != null) {
            tmux.run("kill-server");
        }
    }

    @Test
    void keepsTheServerAndItsSocketWhileASessionRemainsAndRemovesBothWithTheLastWindow() throws Exception {
        assertThat(tmux.run("new-session", "-d", "-s", Tmux.SESSION, "-n", "one").exitCode()).isZero();
        assertThat(tmux.run("new-window", "-d", "-t", Tmux.SESSION + ":", "-n", "two").exitCode()).isZero();
        assertThat(socket()).as("the server's socket, in the root").exists();
        assertThat(World.processesWorkingUnder(root)).as("the server, working in the root").isNotEmpty();

        assertThat(tmux.run("kill-window", "-t", Tmux.SESSION + ":one").exitCode()).isZero();
        assertThat(tmux.endIfEmpty()).as("gone while window two is open").isFalse();
        assertThat(tmux.windowNames()).containsExactly("two");

        assertThat(tmux.run("kill-window", "-t", Tmux.SESSION + ":two").exitCode()).isZero();
        assertThat(tmux.endIfEmpty()).as("gone once the last window is closed").isTrue();
        assertThat(Files.exists(socket(), LinkOption.NOFOLLOW_LINKS)).as("socket left").isFalse();
        awaitNoServerInTheRoot();
    }

    @Test
    void endsAServerThatHasNoSessionLeftButStaysBecauseExitEmptyIsOff() throws Exception {
        assertThat(tmux.run("new-session", "-d", "-s", Tmux.SESSION, "-n", "one").exitCode()).isZero();
        assertThat(tmux.run("set-option", "-s", "exit-empty", "off").exitCode()).isZero();
        assertThat(tmux.run("kill-session", "-t", Tmux.SESSION).exitCode()).isZero();
        assertThat(tmux.run("list-sessions").exitCode()).as("the server still runs, with no session").isZero();

        assertThat(tmux.endIfEmpty()).isTrue();

        assertThat(Files.exists(socket(), LinkOption.NOFOLLOW_LINKS)).isFalse();
        awaitNoServerInTheRoot();
    }

    @Test
    void removesTheSocketADeadServerLeftAndStartsAFreshServerWhereItWas() throws Exception {
        assertThat(tmux.run("new-session", "-d", "-s", Tmux.SESSION, "-n", "one").exitCode()).isZero();
        assertThat(tmux.run("kill-server").exitCode()).isZero();
        assertThat(socket()).as("tmux itself leaves its socket when its server ends").exists();

        assertThat(tmux.endIfEmpty()).isTrue();
        assertThat(Files.exists(socket(), LinkOption.NOFOLLOW_LINKS)).isFalse();

        assertThat(tmux.run("new-session", "-d", "-s", Tmux.SESSION, "-n", "again").exitCode()).isZero();
        assertThat(tmux.windowNames()).containsExactly("again");
    }

    @Test
    void printsAnAttachCommandWithTheSocketsAbsolutePathWhenItFitsInASocketAddress() throws Exception {
        assertThat(tmux.attachCommand()).isEqualTo("tmux -S " + root.toAbsolutePath().normalize().resolve("tmux.sock")
                + " attach -t rollback-demo");
        Path deep = Files.createDirectories(root.resolve("d".repeat(120)));
        assertThat(new Tmux(deep).attachCommand()).isEqualTo("cd " + deep.toAbsolutePath().normalize()
                + " && tmux -S tmux.sock attach -t rollback-demo");
    }

    @Test
    void runsTheServerOfARootWhosePathIsTooLongForASocketAddress() throws Exception {
        Path deep = Files.createDirectories(root.resolve("d".repeat(120)));
        Tmux deepTmux = new Tmux(deep);
        try {
            assertThat(deepTmux.run("new-session", "-d", "-s", Tmux.SESSION, "-n", "one").exitCode()).isZero();
            assertThat(deepTmux.windowNames()).containsExactly("one");
            assertThat(deep.resolve("tmux.sock")).exists();
        } finally {
            deepTmux.run("kill-server");
        }
    }

    /** The server ends once it has answered: the test waits for what a user would see. */
    private void awaitNoServerInTheRoot() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(World.processesWorkingUnder(root)).as("processes working in the root").isEmpty());
    }

    private Path socket() {
        return root.resolve("tmux.sock");
    }
}
