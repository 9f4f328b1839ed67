package dev.rollback.recovery;

import java.nio.file.Path;

/** The crash tests on the file journal. */
class FileCrashRecoveryTest extends CrashRecoveryContract {

    @Override
    String newJournal(Path temp) {
        return temp.resolve("journal").toString();
    }
}
