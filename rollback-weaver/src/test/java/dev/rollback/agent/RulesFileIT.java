package dev.rollback.agent;

import dev.rollback.samples.rules.ChildLoaderApp;
import dev.rollback.samples.rules.RulesApp;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules applied to commons-io, a jar from Maven Central that carries no annotation and was never woven. */
class RulesFileIT {

    private static final String WORKSPACE = "with-rollback  dev.rollback.samples.rules.PlainWorkspace#create(java.io.File)"
            + "  name=create-workspace\n";
    private static final String MKDIR = "compensate     org.apache.commons.io.FileUtils#forceMkdir(java.io.File)"
            + "  by=deleteDirectory  priority=10  description=\"remove created directory\"  # undo: delete it again\n";

    @TempDir
    Path dir;

    @Test
    void rollsBackTheThirdPartyCallsARulesFileMarks() throws Exception {
        Path rules = write("# commons-io FileUtils, never woven, no annotations\n" + WORKSPACE + MKDIR);

        ForkedJvm.Result result = app("rules=" + rules);

        assertThat(result.stdout()).as("%s", result).containsExactly("caught java.io.IOException: disk full",
                "cache exists: false", "logs exists: false", "scope open: false");
        assertThat(result.stderr()).as("%s", result).isEmpty();
    }

    @Test
    void namesTheScopeAndDescribesAndOrdersTheCompensationsAsTheRulesSay() throws Exception {
        Path rules = write(WORKSPACE + MKDIR);

        ForkedJvm.Result result = new ForkedJvm().agent("rules=" + rules)
                .classpath(ForkedJvm.TEST_CLASSES, ForkedJvm.jarOf(FileUtils.class)).quietLogging()
                .option("-Dorg.slf4j.simpleLogger.log.dev.rollback=info")
                .option("-Dorg.slf4j.simpleLogger.showThreadName=false")
                .run(RulesApp.class.getName(), dir.resolve("workspace").toString());

        assertThat(result.stderr()).as("%s", result).hasSize(4);
        assertThat(result.stderr().get(0)).matches("WARN dev\\.rollback - Rolling back 'create-workspace' \\[[^]]+]:"
                + " 2 compensation\\(s\\), cause: java\\.io\\.IOException: disk full");
        assertThat(result.stderr().subList(1, 3)).allMatch(line -> line.matches("INFO dev\\.rollback -   remove created"
                + " directory: priority=10 outcome=SUCCEEDED attempts=1 duration=\\d+ ms"), "a successful compensation");
        assertThat(result.stderr().get(3)).startsWith("INFO dev.rollback - Rollback of 'create-workspace' [")
                .contains("done: 100.0% complete, 2 compensation(s)");
    }

    @Test
    void withoutTheAgentTheSameAppLeavesItsDirectoriesBehind() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classpath(ForkedJvm.TEST_CLASSES, ForkedJvm.jarOf(FileUtils.class),
                        ForkedJvm.jarOf(dev.rollback.Rollback.class), ForkedJvm.jarOf(org.slf4j.Logger.class))
                .quietLogging().run(RulesApp.class.getName(), dir.resolve("workspace").toString());

        assertThat(result.stdout()).as("%s", result).containsExactly("caught java.io.IOException: disk full",
                "cache exists: true", "logs exists: true", "scope open: false");
    }

    @Test
    void logsTheThirdPartyMethodsItTransformsWithTheDebugOption() throws Exception {
        Path rules = write(WORKSPACE + MKDIR);

        ForkedJvm.Result result = app("rules=" + rules + ",debug");

        assertThat(result.agentLines()).as("%s", result).containsExactly(
                "[rollback-agent] DEBUG transforming dev.rollback.samples.rules.PlainWorkspace:"
                        + " @WithRollback [create(java.io.File)], @Compensate []",
                "[rollback-agent] DEBUG supplied Rollback's engine to class loader 'app', which has none; it logs through"
                        + " the application's SLF4J",
                "[rollback-agent] DEBUG transforming org.apache.commons.io.FileUtils:"
                        + " @WithRollback [], @Compensate [forceMkdir(java.io.File)]");
    }

    @Test
    void stopsTheJvmAtStartWhenARuleIsMalformed() throws Exception {
        Path rules = write(WORKSPACE + "compensat org.apache.commons.io.FileUtils#forceMkdir by=deleteDirectory\n");

        ForkedJvm.Result result = app("rules=" + rules);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).containsExactly("Rollback agent: rules file " + rules
                + ", line 2: expected with-rollback or compensate, found 'compensat'");
    }

    @Test
    void warnsOnceAboutEachRuleThatNamesAnUnknownClassOrMethod() throws Exception {
        Path rules = write(WORKSPACE + MKDIR
                + "compensate com.acme.Missing#create by=delete\n"
                + "compensate org.apache.commons.io.FileUtils#forceMkdirr by=deleteDirectory\n"
                + "compensate org.apache.commons.io.FileUtils#forceMkdir(java.lang.String) by=deleteDirectory\n");

        ForkedJvm.Result result = app("rules=" + rules);

        assertThat(result.stdout()).as("%s", result).contains("cache exists: false");
        String where = "[rollback-agent] WARN rules file " + rules + ", line ";
        assertThat(result.stderr()).containsExactly(
                where + "4: compensate org.apache.commons.io.FileUtils#forceMkdirr matches no method of"
                        + " org.apache.commons.io.FileUtils that @Compensate could apply to; it has no method named forceMkdirr",
                where + "5: compensate org.apache.commons.io.FileUtils#forceMkdir(java.lang.String) matches no method of"
                        + " org.apache.commons.io.FileUtils that @Compensate could apply to; found: forceMkdir(java.io.File)",
                // known only when the JVM exits: a class loader created later could still have loaded it
                where + "3: class com.acme.Missing was never loaded while the agent ran; its 1 rule(s) applied to nothing");
    }

    @Test
    void advisesAClassOnlyAChildClassLoaderLoadsWithoutReportingItMissingAtStart() throws Exception {
        Path rules = write(MKDIR);

        ForkedJvm.Result result = new ForkedJvm().agent("rules=" + rules)
                .classpath(ForkedJvm.TEST_CLASSES, ForkedJvm.jarOf(dev.rollback.Rollback.class),
                        ForkedJvm.jarOf(dev.rollback.annotation.Compensate.class))
                .quietLogging().run(ChildLoaderApp.class.getName(), ForkedJvm.jarOf(FileUtils.class).toString(),
                        dir.resolve("workspace").toString());

        assertThat(result.stdout()).as("%s", result).containsExactly("FileUtils loaded by a child class loader: true",
                "caught java.lang.IllegalStateException: disk full", "cache exists: false");
        assertThat(result.stderr()).as("%s", result).isEmpty();
    }

    @Test
    void aRuleWhoseExceptionClassIsMissingFailsEveryCallBeforeTheBodyRuns() throws Exception {
        Path rules = write("with-rollback dev.rollback.samples.rules.PlainWorkspace#create rollbackFor=com.acme.NoSuchException\n"
                + MKDIR);

        ForkedJvm.Result result = app("rules=" + rules);

        assertThat(result.stdout()).as("%s", result).containsExactly("caught dev.rollback.CompensationConfigurationException:"
                        + " with-rollback rule (rules file " + rules + ", line 1) on"
                        + " dev.rollback.samples.rules.PlainWorkspace.create(java.io.File): there is no class"
                        + " com.acme.NoSuchException; accepted: classes extending java.lang.Throwable that"
                        + " dev.rollback.samples.rules.PlainWorkspace's class loader can see",
                "cache exists: false", "logs exists: false", "scope open: false");
    }

    private ForkedJvm.Result app(String options) throws Exception {
        return new ForkedJvm().agent(options).classpath(ForkedJvm.TEST_CLASSES, ForkedJvm.jarOf(FileUtils.class))
                .quietLogging().run(RulesApp.class.getName(), dir.resolve("workspace").toString());
    }

    private Path write(String rules) throws Exception {
        return Files.writeString(dir.resolve("rollback.rules"), rules);
    }
}
