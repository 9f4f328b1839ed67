package dev.rollback.audit;

import dev.rollback.Rollback;
import dev.rollback.RollbackScope;
import dev.rollback.RollbackStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The journal cannot be written: the rollback still runs every compensation, and every entry that
 * could not be written surfaces as a suppressed {@link AuditJournalException}.
 */
class AuditWriteFaultsTest {

    private static final Path FULL = Path.of("/dev/full");

    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path temp;

    @Test
    void aJournalOnAFullDeviceFailsEveryEntryWhileEveryCompensationStillRuns() throws Exception {
        IllegalStateException failure = new IllegalStateException("body failed");
        String[] op = new String[1];
        Throwable thrown;
        try (AuditListener audit = AuditListener.open(FULL)) {
            Rollback.addListener(audit);
            try {
                thrown = catchThrowable(() -> Rollback.run("full-disk", () -> {
                    op[0] = Rollback.current().orElseThrow().operationId();
                    for (int i = 3; i >= 1; i--) {
                        String name = "c" + i;
                        Rollback.register(name, () -> ran.add(name));
                    }
                    throw failure;
                }));
            } finally {
                Rollback.removeListener(audit);
            }
        }

        assertThat(thrown).isSameAs(failure);
        assertThat(ran).containsExactly("c1", "c2", "c3");
        assertThat(thrown.getSuppressed()).hasSize(5).allSatisfy(s -> assertThat(s).isInstanceOf(AuditJournalException.class));
        AuditJournalException first = (AuditJournalException) thrown.getSuppressed()[0];
        assertThat(first).hasMessage("could not append entry 1 (start of operation " + op[0] + ") to journal /dev/full: "
                + "java.io.IOException: No space left on device; this listener accepts no more entries");
        assertThat(first.getCause()).isInstanceOf(IOException.class).hasMessage("No space left on device");
        assertThat(thrown.getSuppressed()[1]).hasMessage("journal /dev/full accepts no more entries since an earlier append"
                + " failed; entry 1 (compensation of operation " + op[0] + ") was not written").hasCause(first);
        assertThat(thrown.getSuppressed()[4]).hasMessage("journal /dev/full accepts no more entries since an earlier append"
                + " failed; entry 1 (end of operation " + op[0] + ") was not written");
    }

    @Test
    void aScopeClosedWithoutCommitReportsTheFailedEntriesEvenWhenTheRollbackSucceeded() throws Exception {
        try (AuditListener audit = AuditListener.open(FULL)) {
            Rollback.addListener(audit);
            try {
                assertThatThrownBy(() -> {
                    try (RollbackScope scope = Rollback.begin("uncommitted")) {
                        Rollback.register("c1", () -> ran.add("c1"));
                        assertThat(scope.name()).isEqualTo("uncommitted");
                    }
                }).isInstanceOf(RollbackStateException.class)
                        .hasMessageEndingWith("] succeeded, but 3 listener call(s) failed; see the suppressed exceptions")
                        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(3)
                                .allSatisfy(s -> assertThat(s).isInstanceOf(AuditJournalException.class)));
            } finally {
                Rollback.removeListener(audit);
            }
        }
        assertThat(ran).containsExactly("c1");
    }

    @Test
    void aJournalThatFailsMidRollbackKeepsAValidChainThatShowsTheRollbackUnfinished() throws Exception {
        Path journal = temp.resolve("mid.journal");
        IllegalStateException failure = new IllegalStateException("body failed");
        AuditListener audit = AuditListener.open(journal);
        Throwable thrown;
        Rollback.addListener(audit);
        try {
            thrown = catchThrowable(() -> Rollback.run("journal-lost", () -> {
                Rollback.register("c3", () -> ran.add("c3"));
                Rollback.register("c2 closes the journal", () -> {
                    audit.close();
                    ran.add("c2");
                });
                Rollback.register("c1", () -> ran.add("c1"));
                throw failure;
            }));
        } finally {
            Rollback.removeListener(audit);
        }

        assertThat(ran).containsExactly("c1", "c2", "c3");
        assertThat(thrown.getSuppressed()).hasSize(3).extracting(Throwable::getMessage).allSatisfy(message ->
                assertThat(message).startsWith("journal " + journal + " is closed; entry "));
        assertThat(AuditVerifier.verify(journal).problem()).isEmpty();
        assertThat(JournalReader.unfinishedRollbacks(journal)).singleElement().satisfies(unfinished -> {
            assertThat(unfinished.name()).isEqualTo("journal-lost");
            assertThat(unfinished.ended()).containsExactly("c1");
            assertThat(unfinished.notYetRun()).containsExactly("c2 closes the journal", "c3");
        });
    }
}
