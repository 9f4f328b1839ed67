package dev.rollback.behaviour;

import dev.rollback.behaviour.fixtures.Journal;
import dev.rollback.behaviour.fixtures.Orchestrators;
import dev.rollback.behaviour.fixtures.Resources;
import dev.rollback.behaviour.fixtures.ThreadState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every behaviour test shares: fixtures that write into one journal, and the check that no
 * test leaves rollback state on its thread.
 */
abstract class BehaviourTest {

    final Journal journal = new Journal();
    final Resources resources = new Resources(journal);
    final Orchestrators orchestrators = new Orchestrators();

    @BeforeEach
    void startsWithoutRollbackState() {
        assertThat(ThreadState.holdsRollbackState()).as("rollback state before the test").isFalse();
    }

    @AfterEach
    void leavesNoRollbackState() {
        assertThat(ThreadState.holdsRollbackState()).as("rollback state after the test").isFalse();
    }

    /** Runs a body that must throw, and returns what it threw. */
    static Throwable thrownBy(dev.rollback.behaviour.fixtures.Body body) {
        try {
            body.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected the body to throw");
    }
}
