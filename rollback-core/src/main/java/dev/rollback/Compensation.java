package dev.rollback;

/**
 * One undo action, recorded with {@link Rollback#register(String, int, Compensation)} or built by
 * {@link Compensations}.
 *
 * <pre>{@code
 * Rollback.register("remove " + dir, 60, () -> Compensations.deleteTree(dir, root).run());
 * }</pre>
 */
@FunctionalInterface
public interface Compensation {

    /**
     * Undoes what was done.
     *
     * @throws Exception when the undo fails; the failure is retried as configured, then reported
     *                   in the {@link RollbackReport}, and the other compensations still run
     */
    void run() throws Exception;
}
