package dev.rollback.agent;

import dev.rollback.samples.AttachApp;
import dev.rollback.samples.AwaitAttachApp;
import dev.rollback.samples.InstallInsideScopeApp;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeAttachIT {

    @Test
    void installsItselfIntoARunningJvmAndAdvisesTheClassesLoadedBefore() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().option("-XX:+EnableDynamicAgentLoading")
                .classpath(ForkedJvm.TEST_CLASSES, ForkedJvm.AGENT_JAR).quietLogging().run(AttachApp.class.getName());

        assertThat(result.stdout()).as("%s", result).containsExactly("open a", "open b", "before install: caught boom",
                "open a", "open b", "close tab-b", "close tab-a", "after install: caught boom");
        assertThat(result.stderr()).as("%s", result).isEmpty();
    }

    @Test
    void installingInAJvmStartedWithTheAgentChangesNothing() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().agent("").classpath(ForkedJvm.TEST_CLASSES, ForkedJvm.AGENT_JAR)
                .quietLogging().run(AttachApp.class.getName());

        assertThat(result.stdout()).as("%s", result).containsExactly(
                "open a", "open b", "close tab-b", "close tab-a", "before install: caught boom",
                "open a", "open b", "close tab-b", "close tab-a", "after install: caught boom");
        assertThat(result.stderr()).as("%s", result).isEmpty();
    }

    @Test
    void namesTheAdvisedMethodThatWasRunningWhenItInstalledWhoseCallThereforeRunsWithoutRollback() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().option("-XX:+EnableDynamicAgentLoading")
                .classpath(ForkedJvm.TEST_CLASSES, ForkedJvm.AGENT_JAR).quietLogging().run(InstallInsideScopeApp.class.getName());

        assertThat(result.stdout()).as("%s", result).containsExactly("open a", "first call: caught boom",
                "open a", "close tab-a", "second call: caught boom");
        assertThat(result.stderr()).as("%s", result).containsExactly("[rollback-agent] WARN"
                + " dev.rollback.samples.InstallInsideScopeApp.installThenFail(Ldev/rollback/samples/Tabs;)V was running"
                + " when the agent attached: this call of it runs without rollback; its later calls are advised");
    }

    @Test
    void attachesToAnotherJvmThroughTheAgentClassOfItsJar() throws Exception {
        ForkedJvm.Running app = new ForkedJvm().option("-XX:+EnableDynamicAgentLoading")
                .classpath(ForkedJvm.TEST_CLASSES).quietLogging().start(AwaitAttachApp.class.getName());

        ForkedJvm.Result result = app.finish(process -> {
            awaitReady(app);
            ByteBuddyAgent.attach(ForkedJvm.AGENT_JAR.toFile(), String.valueOf(process.pid()), "debug");
            try {
                process.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
                process.getOutputStream().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(result.stdout()).as("%s", result).containsExactly("open a", "open b", "before attach: caught boom",
                "ready", "open a", "open b", "close tab-b", "close tab-a", "after attach: caught boom");
        assertThat(result.agentLines()).as("%s", result).contains("[rollback-agent] DEBUG retransforming 2 class(es)"
                + " loaded before the agent");
    }

    private static void awaitReady(ForkedJvm.Running app) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        try {
            while (!app.stdoutSoFar().contains("ready")) {
                if (System.nanoTime() > deadline || !app.process.isAlive()) {
                    throw new AssertionError("the app never said it was ready: " + app.stdoutSoFar());
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the app", e);
        }
    }
}
