package dev.rollback;

import java.util.List;
import java.util.Optional;

/**
 * Observes scopes and rollbacks. Register one with {@link Rollback#addListener(RollbackListener)},
 * or list its class in {@code META-INF/services/dev.rollback.RollbackListener} (it then needs a
 * public no-arg constructor). Every method has an empty default.
 *
 * <p>Callbacks run on the thread that opens the scope or rolls it back, synchronously, in the
 * order the listeners were added (service-loaded ones first). A listener that throws does not
 * stop a rollback: its throwable is attached, suppressed, to the exception that leaves the scope.
 *
 * <p>Each callback is only called on listeners that override it, so that the scopes, records and
 * rollbacks of an application whose listeners do not care cost nothing extra. In particular a
 * rollback builds each compensation's {@link CompensationResult} and the {@link RollbackReport}
 * only when some listener overrides {@link #onCompensation} or {@link #onRollback} (or the default
 * logging listener's level is enabled), or when the rollback is incomplete, whose report travels
 * with the {@link RollbackIncompleteException}. Every compensation is timed either way.
 */
public interface RollbackListener {

    /**
     * A scope was opened.
     *
     * @param operationId the scope's operation id
     * @param name        the scope's operation name
     */
    default void onScopeStart(String operationId, String name) {
    }

    /**
     * A compensation was just recorded in the innermost open scope: a {@code @Compensate} method
     * returned, or {@link Rollback#register} was called. Runs on the recording thread, and only on
     * listeners that override it. Unlike the other callbacks, what it throws is not caught: it leaves
     * the {@code @Compensate} call (or {@code register}) after the record was kept, so a test kit can
     * inject a failure right after any step, and the rollback still undoes that step.
     *
     * @param operationId  the scope's operation id
     * @param compensation what was recorded
     */
    default void onRecord(String operationId, RecordedCompensation compensation) {
    }

    /**
     * A scope starts rolling back; no compensation has run yet.
     *
     * @param operationId   the scope's operation id
     * @param name          the scope's operation name
     * @param compensations the descriptions of the compensations about to run, in running order;
     *                      a default description is built from the call's arguments when it is
     *                      first read, so read it here rather than after the rollback
     * @param cause         the throwable that caused the rollback; empty when a programmatic
     *                      scope was closed without {@link RollbackScope#commit()}
     */
    default void onRollbackStart(String operationId, String name, List<String> compensations,
                                 Optional<Throwable> cause) {
    }

    /**
     * One compensation has ended (after its retries).
     *
     * @param operationId the scope's operation id
     * @param result      how it ended
     */
    default void onCompensation(String operationId, CompensationResult result) {
    }

    /**
     * A rollback has ended.
     *
     * @param report everything it did
     */
    default void onRollback(RollbackReport report) {
    }

    /**
     * A scope has ended: it committed (its records handed to the enclosing scope, or forgotten), or
     * its rollback has ended (after {@link #onRollback}). Called once for every scope that
     * {@link #onScopeStart} announced, nested ones included, on the thread that settles it: the one
     * that closes it; for a scope that follows a future (semantics C5), the one that completes the
     * future; for a scope a {@link dev.rollback.spi.SettlementPolicy} deferred, the one that settles
     * it. What it throws does not change how the scope ended: for a rollback it is attached as the
     * other callbacks' failures are; for a commit it leaves the closing call as a
     * {@link RollbackException} (attached, suppressed, to a throwable already leaving it).
     *
     * @param operationId the scope's operation id
     * @param name        the scope's operation name
     * @param rolledBack  whether it rolled back; {@code false} when it committed
     */
    default void onScopeEnd(String operationId, String name, boolean rolledBack) {
    }
}
