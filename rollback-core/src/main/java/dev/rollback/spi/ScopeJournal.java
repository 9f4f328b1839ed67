package dev.rollback.spi;

/**
 * Where durable scopes ({@code @WithRollback(durable = true)}, {@code Rollback.scope(name).durable(true)})
 * are journaled, so that what a process leaves behind when it dies can be undone by another.
 * {@code rollback-durable}'s {@code DurableRollback.install(journal)} installs one through
 * {@link ScopeJournals#install(ScopeJournal)}; the core knows nothing of the module above it.
 *
 * <p>The engine calls it on the thread that opens a durable scope; it must be thread-safe.
 */
@FunctionalInterface
public interface ScopeJournal {

    /**
     * Journals a durable scope's opening, before its body runs.
     *
     * @param operation the scope's operation name
     * @param parent    the durable scope it opens in (on whichever thread), or {@code null} when it
     *                  opens in no durable scope
     * @return the journaled scope, to which the engine appends the scope's steps
     * @throws RuntimeException when the opening cannot be journaled; the scope is then not opened
     *                          and the body does not run
     */
    JournaledScope open(String operation, JournaledScope parent);
}
