package dev.rollback;

import java.util.List;

/**
 * An open scope: compensations registered while it is the innermost scope of its thread belong to
 * it. Obtained from {@link Rollback#begin(String)} or {@link Rollback#current()}; not meant to be
 * implemented outside Rollback.
 *
 * <pre>{@code
 * try (RollbackScope scope = Rollback.begin("create-agent")) {
 *     ...
 *     scope.commit();                 // without commit, close() rolls back
 * }
 * }</pre>
 */
public interface RollbackScope extends AutoCloseable {

    /** {@return the operation name given when the scope was opened} */
    String name();

    /**
     * {@return the operation id: unique within this JVM, prefixed with a random per-JVM tag so that
     *         ids from different runs in one log or journal do not collide}
     */
    String operationId();

    /**
     * What the scope holds so far, in the order a rollback would run it now: priority descending,
     * newest first among equals. A snapshot, safe to take while other threads record into the scope.
     *
     * @return the compensations recorded so far
     */
    List<RecordedCompensation> pending();

    /**
     * Marks the scope successful: {@link #close()} will then keep its compensations (hand them to
     * the enclosing scope, or forget them) instead of running them. Calling it again is harmless.
     *
     * @throws RollbackStateException when the scope is already closed
     */
    void commit();

    /**
     * Closes the scope: without {@link #commit()}, rolls it back. Idempotent: a second call does
     * nothing. Inner scopes still open are rolled back first, and then reported with a
     * {@link RollbackStateException}.
     *
     * @throws RollbackIncompleteException when the rollback was incomplete; it carries the report
     * @throws RollbackStateException      when called from a thread other than the one that opened
     *                                     the scope, or when inner scopes were still open
     */
    @Override
    void close();
}
