package dev.rollback.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Starts the packaged application the way its users do, {@code java -javaagent:<agent jar>=rules=<file>
 * -jar app.jar}, and checks that it starts with its own logging, that the annotated orchestrator and the
 * rules-file compensation in the nested library jar both undo, in one scope of the application's own
 * engine, and that Rollback's lines reach the application's appender with the operation id in the MDC.
 */
class PackagedApplicationIT {

    private static final Path APP = Path.of(System.getProperty("rollback.it.app"));
    private static final Path AGENT = Path.of(System.getProperty("rollback.it.agent"));
    private static final Path RULES = Path.of(System.getProperty("rollback.it.rules"));
    private static final String JAVA = System.getProperty("rollback.test.java");
    /** Whether the application is a Spring Boot jar, which also has an extracted layout. */
    private static final boolean BOOT = Boolean.getBoolean("rollback.it.boot");
    /** Whether ajc wove the application's own classes, so that its annotated orchestrator undoes without the agent. */
    private static final boolean WOVEN = Boolean.getBoolean("rollback.it.woven");
    private static final Pattern ROLLING_BACK = Pattern.compile("APP-LOG WARN dev\\.rollback \\[([^]]+)] Rolling back"
            + " 'provision' \\[([^]]+)]: 2 compensation\\(s\\), cause: java\\.lang\\.IllegalStateException: boom");

    @TempDir
    Path dir;

    @Test
    void theJarStartedWithTheAgentUndoesBothCallsAndLogsThroughTheApplicationsOwnLogging() throws Exception {
        Result result = run(JAVA, "-javaagent:" + AGENT + "=rules=" + RULES, "-jar", APP.toString(), dir.toString());

        assertRolledBackThroughTheApplication(result);
    }

    @Test
    void theExtractedLayoutStartedWithTheAgentDoesTheSame() throws Exception {
        assumeTrue(BOOT, "only a Spring Boot jar has an extracted layout");
        Path extracted = dir.resolve("extracted");
        Result extract = run(JAVA, "-Djarmode=tools", "-jar", APP.toString(), "extract", "--destination", extracted.toString());
        assertThat(extract.exitCode()).as("%s", extract).isZero();

        Result result = run(JAVA, "-javaagent:" + AGENT + "=rules=" + RULES, "-jar",
                extracted.resolve(APP.getFileName()).toString(), Files.createDirectory(dir.resolve("run")).toString());

        assertRolledBackThroughTheApplication(result);
    }

    @Test
    void withoutTheAgentTheLibraryReservationIsLeftBehind() throws Exception {
        Result result = run(JAVA, "-jar", APP.toString(), dir.toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).contains("RESULT caught boom", "RESULT ledger: [seat-7]",
                "RESULT workspace exists: " + !WOVEN, "RESULT inside scope: " + WOVEN);
    }

    private static void assertRolledBackThroughTheApplication(Result result) {
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).contains("APP-LOG INFO app [] application started")
                .containsSubsequence("RESULT inside scope: true", "RESULT listener saw 2 compensation(s)", "RESULT caught boom",
                        "RESULT workspace exists: false", "RESULT ledger: []", "RESULT scope open: false");
        String operationId = rollingBackLine(result);
        String mdc = "APP-LOG INFO dev.rollback [" + operationId + "]   ";
        assertThat(result.stdout()).as("%s", result)
                .anyMatch(line -> line.startsWith(mdc + "release reserved seat: priority=0 outcome=SUCCEEDED"))
                .anyMatch(line -> line.startsWith(mdc + "delete workspace: priority=0 outcome=SUCCEEDED"))
                .anyMatch(line -> line.startsWith("APP-LOG INFO dev.rollback [" + operationId + "] Rollback of 'provision'"));
        assertThat(result.stderr()).as("%s", result).noneMatch(line -> line.startsWith("[rollback-agent]"))
                .noneMatch(line -> line.contains("SLF4J"));
    }

    /** @return the operation id, which the line carries both in the MDC and in its message */
    private static String rollingBackLine(Result result) {
        for (String line : result.stdout()) {
            Matcher matcher = ROLLING_BACK.matcher(line);
            if (matcher.matches()) {
                assertThat(matcher.group(1)).as("the MDC's operation id").isEqualTo(matcher.group(2));
                return matcher.group(1);
            }
        }
        throw new AssertionError("no line of the application's appender says the rollback started: " + result);
    }

    private Result run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "app", ".out");
        Path err = Files.createTempFile(dir, "app", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the application did not finish within 180 s: " + List.of(command));
        }
        return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8), new ArrayList<>(List.of(command)));
    }

    private record Result(int exitCode, List<String> stdout, List<String> stderr, List<String> command) {
        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit " + exitCode + "\nstdout:\n" + String.join("\n", stdout)
                    + "\nstderr:\n" + String.join("\n", stderr);
        }
    }
}
