package dev.rollback.audit;

import dev.rollback.Rollback;

import java.io.IOException;
import java.nio.file.Path;

/** Writes real journals through the engine: each rollback is a start, its compensations, an end. */
final class Journals {

    private Journals() {
    }

    static JournalHead write(Path journal, int rollbacks, int compensationsEach) throws IOException {
        return write(journal, rollbacks, compensationsEach, ForcePolicy.EVERY_ENTRY);
    }

    static JournalHead write(Path journal, int rollbacks, int compensationsEach, ForcePolicy force) throws IOException {
        try (AuditListener audit = AuditListener.open(journal, force)) {
            Rollback.addListener(audit);
            try {
                for (int r = 0; r < rollbacks; r++) {
                    rollBack("op-" + r, compensationsEach);
                }
            } finally {
                Rollback.removeListener(audit);
            }
            return audit.head();
        }
    }

    static void rollBack(String name, int compensations) {
        IllegalStateException failure = new IllegalStateException("body of " + name + " failed");
        try {
            Rollback.run(name, () -> {
                for (int c = 0; c < compensations; c++) {
                    Rollback.register(name + " undo " + c, () -> { });
                }
                throw failure;
            });
        } catch (IllegalStateException thrown) {
            if (thrown != failure || thrown.getSuppressed().length > 0) {
                throw new AssertionError("the rollback of " + name + " did not end cleanly", thrown);
            }
        }
    }
}
