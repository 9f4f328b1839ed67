package dev.rollback.spi;

import dev.rollback.RecordedCompensation;
import dev.rollback.RollbackReport;

import java.util.List;
import java.util.Optional;

/**
 * An outermost scope that has closed on its thread but is not settled yet, handed to the
 * {@link SettlementPolicy} that deferred it. It is settled exactly once: by {@link #rollBack()} or
 * by {@link #forget()}; until then it still keeps records that its tasks make (semantics C4 applies
 * once it is settled).
 */
public interface Settlement {

    /** {@return the scope's operation id} */
    String operationId();

    /** {@return the scope's operation name} */
    String name();

    /**
     * {@return whether the scope closed calling for a rollback: a throwable that the rollback rules
     * accept left it, or a programmatic scope was closed without {@code commit()}}
     */
    boolean rollsBack();

    /** {@return the throwable that left the scope and calls for its rollback, if any} */
    Optional<Throwable> cause();

    /** {@return what the scope holds now, in the order a rollback would run it} */
    List<RecordedCompensation> pending();

    /**
     * Rolls the scope back, as it would have been rolled back when it closed: waits for its tasks
     * still running (C3), runs every compensation (order, retries, time limits, parallelism),
     * tells the listeners. Runs on the calling thread. The throwable that caused it, if any, gets
     * the listeners' failures, suppressed, but no {@code RollbackIncompleteException}:
     * {@link RollbackReport#isComplete()} tells whether it should.
     *
     * @return the report, always built
     * @throws dev.rollback.RollbackStateException when the scope was settled already, or when
     *                                             listeners failed and there is no cause to attach
     *                                             their failures to (they are suppressed in it)
     */
    RollbackReport rollBack();

    /**
     * Forgets what the scope holds, as a committed outermost scope does.
     *
     * @throws dev.rollback.RollbackStateException when the scope was settled already
     */
    void forget();
}
