package dev.rollback.behaviour.concurrency;

import dev.rollback.behaviour.fixtures.AsyncOrchestrators;
import dev.rollback.behaviour.fixtures.Body;
import dev.rollback.behaviour.fixtures.Journal;
import dev.rollback.behaviour.fixtures.Orchestrators;
import dev.rollback.behaviour.fixtures.Resources;
import dev.rollback.behaviour.fixtures.ThreadState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the concurrency tests share: fixtures writing into one journal, a pool, and the check that
 * neither the test's thread nor the pool's threads keep rollback state.
 */
abstract class ConcurrencyTest {

    final Journal journal = new Journal();
    final Resources resources = new Resources(journal);
    final Orchestrators orchestrators = new Orchestrators();
    final AsyncOrchestrators async = new AsyncOrchestrators();
    final ExecutorService pool = Executors.newFixedThreadPool(4);

    @BeforeEach
    void startsWithoutRollbackState() {
        assertThat(ThreadState.holdsRollbackState()).as("rollback state before the test").isFalse();
    }

    @AfterEach
    void leavesNoRollbackStateOnAnyThread() throws Exception {
        assertThat(ThreadState.holdsRollbackState()).as("rollback state on the test's thread").isFalse();
        try {
            for (int i = 0; i < 16; i++) {
                assertThat(pool.submit(ThreadState::holdsRollbackState).get(10, TimeUnit.SECONDS))
                        .as("rollback state on a pool thread").isFalse();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("the pool ended").isTrue();
        }
    }

    /** Runs a body that must throw, and returns what it threw. */
    static Throwable thrownBy(Body body) {
        try {
            body.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected the body to throw");
    }
}
