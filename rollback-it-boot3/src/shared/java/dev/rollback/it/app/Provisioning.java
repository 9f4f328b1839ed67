package dev.rollback.it.app;

import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;
import dev.rollback.annotation.Compensate;
import dev.rollback.annotation.WithRollback;
import dev.rollback.it.lib.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The packaged applications' orchestrator: an annotated workspace in the application's own code and
 * a reservation in a nested library jar that only the agent's rules file compensates. It prints what
 * is left, and what the application's own Rollback API saw, as RESULT lines.
 */
public class Provisioning {

    private static final Logger LOG = LoggerFactory.getLogger("app");

    private final Ledger ledger = new Ledger();

    /** @param root where the workspace goes */
    public void report(Path root) {
        LOG.info("application started");
        Rollback.addListener(new RollbackListener() {
            @Override
            public void onRollback(RollbackReport report) {
                System.out.println("RESULT listener saw " + report.actions().size() + " compensation(s)");
            }
        });
        try {
            provision(root);
        } catch (IOException | RuntimeException e) {
            System.out.println("RESULT caught " + e.getMessage());
        }
        System.out.println("RESULT workspace exists: " + Files.exists(root.resolve("w1")));
        System.out.println("RESULT ledger: " + ledger.reserved());
        System.out.println("RESULT scope open: " + Rollback.current().isPresent());
    }

    @WithRollback("provision")
    void provision(Path root) throws IOException {
        System.out.println("RESULT inside scope: " + Rollback.current().isPresent());
        createWorkspace(root.resolve("w1"));
        ledger.reserve("seat-7");
        throw new IllegalStateException("boom");
    }

    @Compensate(value = "deleteWorkspace", description = "delete workspace")
    Path createWorkspace(Path dir) throws IOException {
        return Files.createDirectory(dir);
    }

    void deleteWorkspace(Path dir) throws IOException {
        Files.delete(dir);
    }
}
