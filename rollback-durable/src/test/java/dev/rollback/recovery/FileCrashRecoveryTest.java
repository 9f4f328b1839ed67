package dev.rollback.recovery;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The crash tests on the file journal. */
class FileCrashRecoveryTest extends CrashRecoveryContract {

    @Override
    String newJournal(Path temp) {
        return temp.resolve("journal").toString();
    }

    @Test
    void zeroCode_rollbackJournalInstallsTheFileJournalAndRecoversWhenTheFirstDurableScopeOpens() throws Exception {
        List<Long> workers = crash("after-b", "kill", false);

        try (Child child = Child.start(List.of("-Drollback.journal=" + journal), ledger, "none", "kill", false,
                "property")) {
            child.awaitLine("DONE");
            assertThat(child.waitForExit()).isZero();
        }

        assertNothingRemains(workers);
        assertThat(recoverHere()).as("recovered by the child, its own scope committed").isEmpty();
    }
}
