package dev.rollback.test;

import dev.rollback.Rollback;
import dev.rollback.test.fixtures.Provisioning;
import dev.rollback.test.fixtures.Tree;
import dev.rollback.test.fixtures.Workspaces;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(RollbackExtension.class)
@DisplayName("IdempotencyProbe: every compensation run twice in a row; a second run that fails or changes the world is reported")
class IdempotencyProbeTest {

    @TempDir
    Path root;

    private Map<String, String> tree() throws IOException {
        return Tree.of(root);
    }

    @Test
    void findsNothingWhenEveryCompensationCanRunTwice() throws IOException {
        Provisioning provisioning = new Provisioning(root);

        assertThat(IdempotencyProbe.check(this::tree, () -> {
            provisioning.provision("a");
            Path extra = Files.createFile(root.resolve("extra"));
            Rollback.register("remove extra", () -> Files.deleteIfExists(extra));
        })).isEmpty();
        IdempotencyProbe.assertIdempotent(this::tree, () -> provisioning.provision("b"));
        assertThat(tree()).isEmpty();
    }

    @Test
    void reportsACompensationWhoseSecondRunFails() throws IOException {
        Workspaces workspaces = new Workspaces(root);
        Path dir = Files.createDirectory(root.resolve("d"));

        assertThat(IdempotencyProbe.check(this::tree, () -> {
            workspaces.writeFile(dir, "tolerant", "");
            workspaces.writeFileStrictly(dir, "strict");
        })).singleElement().satisfies(finding -> {
            assertThat(finding.description()).isEqualTo("Workspaces.writeFileStrictly(" + dir + ", strict)");
            assertThat(finding.problem()).isEqualTo("its second run ended FAILED: java.nio.file.NoSuchFileException: "
                    + dir.resolve("strict"));
            assertThat(finding.error()).isInstanceOf(NoSuchFileException.class);
        });
    }

    @Test
    void reportsACompensationWhoseSecondRunChangesTheWorld() throws IOException {
        Workspaces workspaces = new Workspaces(root);
        workspaces.openLedger();

        assertThatThrownBy(() -> IdempotencyProbe.assertIdempotent(this::tree, () -> workspaces.appendToLedger("x")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("1 compensation(s) not idempotent:\n"
                        + "  - Workspaces.appendToLedger(x): its second run changed the world from {ledger.txt=ledger\n}"
                        + " to {ledger.txt=}");
    }

    @Test
    void refusesAScenarioThatFails() {
        IllegalStateException broken = new IllegalStateException("broken");

        assertThatThrownBy(() -> IdempotencyProbe.check(this::tree, () -> {
            throw broken;
        }))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("the scenario failed, so its compensations could not be run twice; accepted: a scenario that"
                        + " succeeds on its own")
                .hasCause(broken);
    }
}
