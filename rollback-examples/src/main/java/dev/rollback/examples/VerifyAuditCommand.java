package dev.rollback.examples;

import dev.rollback.audit.AuditVerifier;
import dev.rollback.audit.JournalReader;
import dev.rollback.audit.UnfinishedRollback;
import dev.rollback.audit.Verification;
import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Verifies the hash chain of the audit journal that every command writes under the root.
 */
@Command(name = "verify-audit", description = "Verify the audit journal's hash chain and list rollbacks that never ended.")
final class VerifyAuditCommand extends RootCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Console console = console();
        Path journal = parent.root.toAbsolutePath().normalize().resolve("audit.jsonl");
        if (!Files.exists(journal)) {
            throw new Environment.UsageError("no audit journal at " + journal + "; accepted: a --root where demo,"
                    + " create or destroy ran");
        }
        open(Faults.NONE, console).close(); // recovery first, as every command: what it undoes is in the journal verified below
        Verification verification = AuditVerifier.verify(journal);
        if (!verification.isValid()) {
            console.line("audit journal " + journal + " is BROKEN: " + verification.problem().orElseThrow());
            return 1;
        }
        console.line("audit journal " + journal + " is intact: " + verification.entries() + " entries, head "
                + verification.head());
        for (UnfinishedRollback unfinished : JournalReader.unfinishedRollbacks(journal)) {
            console.line("  unfinished: " + unfinished);
        }
        return 0;
    }
}
