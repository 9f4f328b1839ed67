package dev.rollback.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JVM killed with SIGKILL in the middle of a rollback: its journal verifies, claims no
 * compensation that did not end, and shows the rollback unfinished with what was not yet run.
 */
class SigkillDuringRollbackTest {

    private static final List<String> ALL = List.of("c1", "c2", "c3", "c4");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "killed after {0} of 4 compensations")
    @ValueSource(ints = {0, 1, 3})
    void theJournalOfAJvmKilledMidRollbackShowsTheRollbackUnfinished(int done) throws Exception {
        Path journal = temp.resolve("killed.journal");
        Path marker = temp.resolve("blocked");
        Path output = temp.resolve("output.txt");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledMidRollback.class.getName(),
                journal.toString(), marker.toString(), Integer.toString(done))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> Files.exists(marker) || !jvm.isAlive());
            assertThat(jvm.isAlive()).as("the child JVM is blocked in a compensation; its output: %s",
                    Files.exists(output) ? Files.readString(output) : "").isTrue();
        } finally {
            jvm.destroyForcibly();
        }
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        String blocked = "c" + (done + 1);
        assertThat(Files.readString(marker)).isEqualTo(blocked);
        assertThat(AuditVerifier.verify(journal).problem()).isEmpty();
        assertThat(AuditVerifier.verify(journal).entries()).isEqualTo(1 + done);
        assertThat(Files.readString(journal)).doesNotContain("\"description\":\"" + blocked + "\"")
                .doesNotContain("\"type\":\"end\"");
        assertThat(JournalReader.unfinishedRollbacks(journal)).singleElement().satisfies(unfinished -> {
            assertThat(unfinished.name()).isEqualTo("killed-op");
            assertThat(unfinished.startLine()).isEqualTo(1);
            assertThat(unfinished.planned()).isEqualTo(ALL);
            assertThat(unfinished.ended()).isEqualTo(ALL.subList(0, done));
            assertThat(unfinished.notYetRun()).isEqualTo(ALL.subList(done, 4));
        });
    }
}
