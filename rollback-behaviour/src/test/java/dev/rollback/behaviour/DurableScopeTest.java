package dev.rollback.behaviour;

import dev.rollback.CompensationConfigurationException;
import dev.rollback.Rollback;
import dev.rollback.annotation.WithRollback;
import dev.rollback.behaviour.fixtures.DurableResources;
import dev.rollback.durable.DurableRollback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Durability: a durable scope journals each @Compensate call before its body and after it, in every weaving")
class DurableScopeTest extends BehaviourTest {

    @TempDir
    Path temp;
    dev.rollback.durable.Journal durableJournal;
    final DurableResources durable = new DurableResources();

    @BeforeEach
    void install() {
        durableJournal = dev.rollback.durable.Journal.file(temp.resolve("journal"));
        DurableRollback.install(durableJournal);
    }

    @AfterEach
    void uninstall() {
        DurableRollback.uninstall(durableJournal);
        durableJournal.close();
    }

    @Test
    void D4_anArgumentThatCannotBeJournaledFailsBeforeTheBody() {
        StringBuilder text = new StringBuilder();

        Throwable thrown = thrownBy(() -> Rollback.scope("d4").durable(true).run(() -> durable.append(text)));

        assertThat(thrown).isInstanceOf(CompensationConfigurationException.class)
                .hasMessageContaining("cannot be called in a durable scope: its parameter 0");
        assertThat(text).as("the body did not run").isEmpty();
    }

    @Test
    void D6_aDurableScopeThatFailsUndoesEachCallUnderItsJournalStepKey() {
        Throwable thrown = thrownBy(() -> new Orchestrator().run(durable));

        assertThat(thrown).hasMessage("the orchestrator fails");
        assertThat(durable.log).hasSize(5);
        assertThat(durable.log.subList(0, 3)).containsExactly("acquire a", "acquiring x failed", "acquire b");
        assertThat(durable.log.get(3)).startsWith("release b ").endsWith(":3"); // step 2 threw: nothing to undo
        assertThat(durable.log.get(4)).startsWith("release a ").endsWith(":1");
        assertThat(DurableRollback.recover()).as("the scope closed: nothing left").isEmpty();
    }

    /** A durable orchestrator whose second call throws, before it fails itself. */
    static class Orchestrator {
        @WithRollback(value = "durable-run", durable = true)
        void run(DurableResources resources) {
            resources.acquire("a");
            resources.log.add(thrownBy(() -> resources.failing("x")).getMessage()); // journaled: nothing to undo
            resources.acquire("b");
            throw new IllegalStateException("the orchestrator fails");
        }
    }
}
