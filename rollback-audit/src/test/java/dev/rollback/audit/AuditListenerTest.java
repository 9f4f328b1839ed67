package dev.rollback.audit;

import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import dev.rollback.RollbackReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class AuditListenerTest {

    private static final String HEX = "[0-9a-f]{64}";
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z";

    @TempDir
    Path temp;

    @Test
    void writesTheStartEachCompensationOnceEndedAndTheEndOfARollbackAsAChain() throws Exception {
        Path journal = temp.resolve("rollbacks.journal");
        IllegalStateException failure = new IllegalStateException("body failed");
        Throwable thrown;
        JournalHead head;
        try (AuditListener audit = AuditListener.open(journal)) {
            Rollback.addListener(audit);
            try {
                thrown = catchThrowable(() -> Rollback.run("create-agent", () -> {
                    Rollback.register("remove dir", 60, () -> { });
                    Rollback.register("stop \"agent\"", 50, () -> {
                        throw new IOException("still running");
                    });
                    throw failure;
                }));
            } finally {
                Rollback.removeListener(audit);
            }
            head = audit.head();
        }

        RollbackReport report = ((RollbackIncompleteException) thrown.getSuppressed()[0]).report();
        String op = report.operationId();
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("\\{\"seq\":1,\"prev\":\"0{64}\",\"time\":\"" + TIME + "\",\"op\":\"" + op
                + "\",\"type\":\"start\",\"name\":\"create-agent\",\"planned\":\\[\"remove dir\",\"stop \\\\\"agent\\\\\"\"],"
                + "\"cause\":\"java.lang.IllegalStateException: body failed\",\"hash\":\"" + HEX + "\"}");
        assertThat(lines.get(1)).matches("\\{\"seq\":2,\"prev\":\"" + HEX + "\",\"time\":\"" + TIME + "\",\"op\":\"" + op
                + "\",\"type\":\"compensation\",\"index\":0,\"description\":\"remove dir\",\"priority\":60,"
                + "\"outcome\":\"SUCCEEDED\",\"attempts\":1,\"durationMillis\":\\d+,\"error\":null,\"hash\":\"" + HEX + "\"}");
        assertThat(lines.get(2)).contains("\"index\":1,\"description\":\"stop \\\"agent\\\"\",\"priority\":50,"
                + "\"outcome\":\"FAILED\",\"attempts\":1,").contains("\"error\":\"java.io.IOException: still running\"");
        assertThat(lines.get(3)).matches(".*\"type\":\"end\",\"complete\":false,\"completeness\":50.0,\"compensations\":2,"
                + "\"durationMillis\":\\d+,\"hash\":\"" + HEX + "\"}");
        Verification verification = AuditVerifier.verify(journal);
        assertThat(verification.isValid()).isTrue();
        assertThat(verification.head()).isEqualTo(head);
        assertThat(head.entries()).isEqualTo(4);
        assertThat(JournalReader.unfinishedRollbacks(journal)).isEmpty();
    }

    @Test
    void journalsATimedOutCompensationAsTimedOutWithItsTimeout() throws Exception {
        Path journal = temp.resolve("timeout.journal");
        try (AuditListener audit = AuditListener.open(journal)) {
            Rollback.addListener(audit);
            try {
                catchThrowable(() -> Rollback.run("slow", () -> {
                    Rollback.register("sleeps", 0, java.time.Duration.ofMillis(50), 0, () -> Thread.sleep(10_000));
                    throw new IllegalStateException("body failed");
                }));
            } finally {
                Rollback.removeListener(audit);
            }
        }

        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("\"description\":\"sleeps\",\"priority\":0,\"outcome\":\"TIMED_OUT\",\"attempts\":1,")
                .contains("\"error\":\"java.util.concurrent.TimeoutException: compensation 'sleeps' of operation ")
                .contains(" did not finish within 50 ms; its thread ");
        assertThat(lines.get(2)).contains("\"complete\":false,\"completeness\":0.0,\"compensations\":1,");
    }

    @Test
    void keepsEscapedTextIntactOnOneLine() throws Exception {
        Path journal = temp.resolve("escapes.journal");
        String description = "line\nbreak \"quoted\" \\ tab\t unicode é ✓ separator\u2028 nul\u0000";
        try (AuditListener audit = AuditListener.open(journal)) {
            audit.onRollbackStart("op-1", "name with\nnewline", List.of(description, "second"), java.util.Optional.empty());
        }

        assertThat(Files.readAllLines(journal, StandardCharsets.UTF_8)).hasSize(1);
        assertThat(AuditVerifier.verify(journal).isValid()).isTrue();
        assertThat(JournalReader.unfinishedRollbacks(journal)).singleElement().satisfies(unfinished -> {
            assertThat(unfinished.name()).isEqualTo("name with\nnewline");
            assertThat(unfinished.notYetRun()).containsExactly(description, "second");
        });
    }

    @Test
    void continuesTheChainOfAnExistingJournalWhenOpenedAgain() throws Exception {
        Path journal = temp.resolve("reopened.journal");
        Journals.write(journal, 2, 1);

        JournalHead head = Journals.write(journal, 3, 2);

        assertThat(head.entries()).isEqualTo(2 * 3 + 3 * 4);
        assertThat(AuditVerifier.verify(journal).head()).isEqualTo(head);
    }

    @Test
    void refusesToExtendAJournalThatDoesNotVerify() throws Exception {
        Path journal = temp.resolve("tampered.journal");
        Journals.write(journal, 1, 1);
        byte[] bytes = Files.readAllBytes(journal);
        bytes[20] ^= 1;
        Files.write(journal, bytes);

        assertThatThrownBy(() -> AuditListener.open(journal))
                .isInstanceOf(AuditJournalException.class)
                .hasMessageStartingWith("journal " + journal + " does not verify, so it is not extended: line 1: its hash is ")
                .hasMessageEndingWith(": the entry was changed; keep it as evidence and open a new journal");
    }

    @Test
    void refusesASecondListenerOnTheSameJournal() throws Exception {
        Path journal = temp.resolve("shared.journal");
        try (AuditListener first = AuditListener.open(journal)) {
            assertThatThrownBy(() -> AuditListener.open(journal))
                    .isInstanceOf(AuditJournalException.class)
                    .hasMessageStartingWith("journal " + journal + " cannot be locked for writing: ")
                    .hasMessageEndingWith("; accepted: one AuditListener per journal file");
            assertThat(first.head()).isEqualTo(JournalHead.empty());
        }
    }

    @Test
    void keepsTheChainValidWhenRollbacksOnManyThreadsAppendAtOnce() throws Exception {
        Path journal = temp.resolve("concurrent.journal");
        int threads = 16;
        int rollbacksEach = 50;
        try (AuditListener audit = AuditListener.open(journal, ForcePolicy.END_OF_ROLLBACK)) {
            Rollback.addListener(audit);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    runs.add(pool.submit(() -> {
                        for (int r = 0; r < rollbacksEach; r++) {
                            Journals.rollBack("t" + thread + "-r" + r, 3);
                        }
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdown();
                Rollback.removeListener(audit);
            }
        }

        Verification verification = AuditVerifier.verify(journal);
        assertThat(verification.problem()).isEmpty();
        assertThat(verification.entries()).isEqualTo((long) threads * rollbacksEach * 5);
        assertThat(JournalReader.unfinishedRollbacks(journal)).isEmpty();
        assertThat(Files.readString(journal)).contains("\"type\":\"end\"");
    }

    @Test
    void namesTheNullParameter() {
        assertThatThrownBy(() -> AuditListener.open(null)).isInstanceOf(NullPointerException.class).hasMessage("journal");
        assertThatThrownBy(() -> AuditListener.open(temp.resolve("j"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("force");
    }
}
