package dev.rollback.recovery;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D8's "or a rule of the agent's rules file": code with no annotation, made a durable scope and
 * compensated calls by a rules file alone, in child JVMs under the agent. A JVM under the agent
 * with the same rules file recovers what a halted run left; one without the rules refuses it.
 */
class RulesFileRecoveryTest {

    @TempDir
    Path temp;
    Path rules;
    Path journal;
    Path root;

    @BeforeEach
    void files() throws IOException {
        journal = temp.resolve("journal");
        root = Files.createDirectory(temp.resolve("root"));
        rules = Files.writeString(temp.resolve("rollback.rules"), """
                with-rollback  dev.rollback.recovery.RuledRun#run  durable=true
                compensate     dev.rollback.recovery.RuledWorkspaces#create(java.nio.file.Path)  by=delete
                """);
    }

    @Test
    void D8_aRunMadeDurableByARulesFileIsRecoveredUnderTheSameRulesAndRefusedWithoutThem() throws Exception {
        Run halted = child(true, "run", journal.toString(), root.toString());
        assertThat(halted.exitCode()).as(halted.output()).isEqualTo(137);
        assertThat(halted.output()).contains("HALTING");
        assertThat(root.resolve("a")).exists();
        assertThat(root.resolve("b")).exists();

        Run withoutRules = child(false, "recover", journal.toString());
        assertThat(withoutRules.exitCode()).as(withoutRules.output()).isZero();
        assertThat(withoutRules.output()).contains("RECOVERED 1 FAILED the journal names"
                + " dev.rollback.recovery.RuledWorkspaces.create(Ljava/nio/file/Path;)Ljava/nio/file/Path;, which that"
                + " class does not declare as a @Compensate method and no compensate rule of the agent's rules file"
                + " designates; nothing run (D8)");
        assertThat(root.resolve("a")).as("refused: nothing run").exists();

        Run withRules = child(true, "recover", journal.toString());
        assertThat(withRules.exitCode()).as(withRules.output()).isZero();
        assertThat(withRules.output()).contains("RECOVERED 1 SUCCEEDED SUCCEEDED");
        assertThat(root.resolve("a")).doesNotExist();
        assertThat(root.resolve("b")).doesNotExist();

        Run again = child(true, "recover", journal.toString());
        assertThat(again.output()).contains("RECOVERED 0");
    }

    private record Run(int exitCode, String output) {
    }

    private Run child(boolean withRules, String... arguments) throws IOException, InterruptedException {
        String agent = System.getProperty("rollback.test.agent");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent + (withRules ? "=rules=" + rules : ""), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), RuledRun.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the child did not end within 60 s: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
