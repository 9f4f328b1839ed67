package dev.rollback.test.docs;

import dev.rollback.Outcome;
import dev.rollback.test.FailureInjector;
import dev.rollback.test.IdempotencyProbe;
import dev.rollback.test.RollbackExtension;
import dev.rollback.test.RollbackReports;
import dev.rollback.test.fixtures.Provisioning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.rollback.test.RollbackAssertions.assertThatReport;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The test-kit guide's example, run as it is shown there (between the snippet markers). */
// snippet:extension:begin
@ExtendWith(RollbackExtension.class)   // fails any test that leaves a rollback scope open
class ProvisioningTest {

    @TempDir
    Path root;

    /** The state probe: what the scenario may change, as a value with equals() and toString(). */
    private Set<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
// snippet:extension:end

    // snippet:injector:begin
    @Test
    void leavesNothingBehindWhereverItFails() {
        Provisioning provisioning = new Provisioning(root);

        // runs the scenario once per compensated call, failing right after that call,
        // and compares files() after each rollback with files() before the run
        FailureInjector.assertEveryFailureIsUndone(this::files, () -> provisioning.provision("agent-7"));
    }
    // snippet:injector:end

    // snippet:idempotency:begin
    @Test
    void everyCompensationCanRunTwice() {
        Provisioning provisioning = new Provisioning(root);

        IdempotencyProbe.assertIdempotent(this::files, () -> provisioning.provision("agent-7"));
    }
    // snippet:idempotency:end

    // snippet:report:begin
    @Test
    void undoesNewestFirst(RollbackReports reports) {    // the extension hands in this thread's reports
        Provisioning provisioning = new Provisioning(root);

        assertThrows(IOException.class, () -> provisioning.provisionOnAFullDisk("agent-7"));

        Path dir = root.resolve("agent-7");
        assertThatReport(reports.last())
                .hasName("provision")
                .ranInOrder("Workspaces.writeFile(" + dir + ", config, name=agent-7)", "Workspaces.createDirectory(agent-7)")
                .hasOutcomes(Outcome.SUCCEEDED, Outcome.SUCCEEDED)
                .isComplete();
    }
    // snippet:report:end
}
