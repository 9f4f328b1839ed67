package dev.rollback.agent;

import dev.rollback.internal.Weaving;
import dev.rollback.samples.AnnotatedApp;
import dev.rollback.samples.BadCompensate;
import dev.rollback.samples.MisconfiguredApp;
import dev.rollback.samples.QuietApp;
import dev.rollback.samples.VisibilityApp;
import dev.rollback.samples.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AgentOnNeverWovenAppIT {

    private static final List<String> ROLLED_BACK = List.of("open a", "open b", "close tab-b", "close tab-a",
            "caught boom", "scope open: false", "open outside", "done");

    @Test
    void rollsBackAnAppCompiledByPlainJavacAndStartedWithDashJar(@TempDir Path dir) throws Exception {
        Path app = appJar(dir.resolve("app.jar"), AnnotatedApp.class.getName());

        ForkedJvm.Result result = new ForkedJvm().agent("").jar(app).runJar();

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).isEqualTo(ROLLED_BACK);
        assertThat(result.agentLines()).as("%s", result).isEmpty();
        // no SLF4J in the app: the engine the agent supplies logs through its own relocated simple logger
        assertThat(result.stderr()).as("%s", result).hasSize(4).first().asString()
                .startsWith("[main] WARN dev.rollback - Rolling back 'open-two' [");
    }

    @Test
    void keepsByteBuddySlf4jAndItsOwnEngineOutOfTheApplicationsView() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().agent("").classpath(ForkedJvm.TEST_CLASSES)
                .run(VisibilityApp.class.getName(), "net.bytebuddy.ByteBuddy", "dev.rollback.agent.shaded.net.bytebuddy.ByteBuddy",
                        "org.slf4j.LoggerFactory", "dev.rollback.internal.Weaving", "dev.rollback.agent.shaded.internal.Dispatch",
                        "dev.rollback.agent.boot.AgentBootstrap", "dev.rollback.agent.RollbackAgent");

        assertThat(result.stdout()).as("%s", result).containsExactly("net.bytebuddy.ByteBuddy: not visible",
                "dev.rollback.agent.shaded.net.bytebuddy.ByteBuddy: not visible", "org.slf4j.LoggerFactory: not visible",
                "dev.rollback.internal.Weaving: not visible", "dev.rollback.agent.shaded.internal.Dispatch: not visible",
                "dev.rollback.agent.boot.AgentBootstrap: visible", "dev.rollback.agent.RollbackAgent: visible");
    }

    @Test
    void withoutTheAgentTheSameAppCompensatesNothing() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classpath(ForkedJvm.TEST_CLASSES, ForkedJvm.jarOf(Weaving.class),
                ForkedJvm.jarOf(dev.rollback.annotation.Compensate.class)).quietLogging().run(AnnotatedApp.class.getName());

        assertThat(result.stdout()).as("%s", result)
                .containsExactly("open a", "open b", "caught boom", "scope open: false", "open outside", "done");
    }

    @Test
    void printsNothingOnStandardErrorWhenTheJvmStartsWithTheAgent() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().agent("").classpath(ForkedJvm.TEST_CLASSES).quietLogging()
                .run(QuietApp.class.getName());

        assertThat(result.stdout()).as("%s", result).containsExactly("open quiet", "Orchestrator loaded");
        assertThat(result.stderr()).as("%s", result).isEmpty();
    }

    @Test
    void raisesTheEngineMessageOnEveryCallOfAMisconfiguredMethodBeforeItsBodyRuns() throws Exception {
        String message = Weaving.plan(BadCompensate.class.getMethod("create", String.class)).error();

        ForkedJvm.Result result = new ForkedJvm().agent("").classpath(ForkedJvm.TEST_CLASSES).quietLogging()
                .run(MisconfiguredApp.class.getName());

        String raised = "dev.rollback.CompensationConfigurationException: " + message;
        assertThat(message).startsWith("@Compensate(\"missing\") on dev.rollback.samples.BadCompensate.create(java.lang.String): ");
        assertThat(result.stdout()).as("%s", result).containsExactly(raised, raised, raised);
    }

    @Test
    void logsEachTransformedClassAndMethodWithTheDebugOption() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().agent("debug").classpath(ForkedJvm.TEST_CLASSES).quietLogging()
                .run(AnnotatedApp.class.getName());

        assertThat(result.stdout()).as("%s", result).isEqualTo(ROLLED_BACK);
        assertThat(result.agentLines()).containsExactly(
                "[rollback-agent] DEBUG transforming dev.rollback.samples.Orchestrator: @WithRollback [openTwoThenFail()],"
                        + " @Compensate []",
                "[rollback-agent] DEBUG supplied Rollback's engine to class loader 'app', which has none; it logs through"
                        + " the application's SLF4J",
                "[rollback-agent] DEBUG transforming dev.rollback.samples.Tabs: @WithRollback [],"
                        + " @Compensate [open(java.lang.String)]");
    }

    @Test
    void recordsAMethodCarryingBothAnnotationsInTheEnclosingScopeAsTheAspectsDo() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().agent("").classpath(ForkedJvm.TEST_CLASSES).quietLogging()
                .run(Workspaces.class.getName());

        assertThat(result.stdout()).as("%s", result).containsExactly("create w1", "remove w1", "caught later failure");
    }

    @Test
    void stopsTheJvmAtStartOnAnOptionItDoesNotUnderstand() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().agent("verbose").classpath(ForkedJvm.TEST_CLASSES)
                .run(AnnotatedApp.class.getName());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).containsExactly("Rollback agent options 'verbose': option 'verbose' is not understood;"
                + " accepted: rules=<file> and debug, separated by commas (rules= at most once)");
    }

    /** Packs the sample app, alone, into an executable jar: the annotations and engine come from the agent jar. */
    private static Path appJar(Path jar, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        Path root = ForkedJvm.TEST_CLASSES;
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> classes = Files.list(root.resolve("dev/rollback/samples"))) {
            for (Path file : classes.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void copy(Path file, OutputStream out) throws IOException {
        Files.copy(file, out);
    }
}
