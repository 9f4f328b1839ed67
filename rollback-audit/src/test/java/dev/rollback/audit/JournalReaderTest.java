package dev.rollback.audit;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalReaderTest {

    @TempDir
    Path temp;

    @Test
    void listsRollbacksThatStartedButNeverEndedNamingTheCompensationsNotYetRun() throws IOException {
        Path journal = temp.resolve("unfinished.journal");
        try (AuditListener audit = AuditListener.open(journal)) {
            audit.onRollbackStart("op-a", "first", List.of("a1", "a2", "a3"), Optional.empty());
            audit.onRollbackStart("op-b", "second", List.of("b1"), Optional.of(new IllegalStateException("boom")));
            audit.onCompensation("op-a", new CompensationResult("a1", 0, Outcome.FAILED, 2, Duration.ofMillis(3),
                    new IOException("a1 failed")));
            audit.onCompensation("op-b", new CompensationResult("b1", 0, Outcome.SUCCEEDED, 1, Duration.ZERO, null));
            audit.onRollback(new dev.rollback.RollbackReport("op-b", "second", java.time.Instant.now(), Duration.ZERO,
                    List.of(new CompensationResult("b1", 0, Outcome.SUCCEEDED, 1, Duration.ZERO, null))));
        }

        assertThat(JournalReader.unfinishedRollbacks(journal)).containsExactly(
                new UnfinishedRollback("op-a", "first", 1, List.of("a1", "a2", "a3"), List.of("a1"), List.of("a2", "a3")));
    }

    @Test
    void refusesAJournalThatDoesNotVerify() throws IOException {
        Path journal = temp.resolve("broken.journal");
        Journals.write(journal, 1, 1);
        Files.writeString(journal, "{}\n", java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> JournalReader.unfinishedRollbacks(journal))
                .isInstanceOf(AuditJournalException.class)
                .hasMessage("journal " + journal + " cannot be read as a record of rollbacks: line 4: it does not end with"
                        + " ,\"hash\":\"<64 hexadecimal digits>\"}: the entry was changed or is not an entry");
    }

    @Test
    void refusesACompensationEntryOfARollbackThatNeverStarted() throws IOException {
        Path journal = temp.resolve("ghost.journal");
        try (AuditListener audit = AuditListener.open(journal)) {
            audit.onCompensation("ghost", new CompensationResult("g1", 0, Outcome.SUCCEEDED, 1, Duration.ZERO, null));
        }

        assertThatThrownBy(() -> JournalReader.unfinishedRollbacks(journal))
                .isInstanceOf(AuditJournalException.class)
                .hasMessage("journal " + journal + " cannot be read as a record of rollbacks: line 1: it records a"
                        + " compensation of operation ghost, which has no start entry before it");
    }

    @Test
    void readsAnEmptyJournalAsHavingNoRollbacks() throws IOException {
        Path journal = Files.createFile(temp.resolve("empty.journal"));

        assertThat(JournalReader.unfinishedRollbacks(journal)).isEmpty();
        assertThat(AuditVerifier.verify(journal)).isEqualTo(new Verification(0, JournalHead.empty(), Optional.empty()));
    }
}
