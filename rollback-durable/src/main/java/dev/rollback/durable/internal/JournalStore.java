package dev.rollback.durable.internal;

import java.util.Optional;

/**
 * The storage under a {@link dev.rollback.durable.Journal}: what the engine's journal hooks and
 * recovery call. Implemented by the file journal and the JDBC journal, which pass the same
 * contract test.
 */
public interface JournalStore extends AutoCloseable {

    /** @return this process's identity in the journal, drawn when the journal opened */
    Owner owner();

    /** @return where the journal is, for messages: a directory or a data source and tables */
    String location();

    /**
     * Journals a durable scope's opening.
     *
     * @param operation the operation name
     * @param parent    the durable scope it opens in, or {@code null}
     * @return its chain
     * @throws dev.rollback.durable.JournalException when the entry cannot be written, or the journal is closed
     */
    LiveScope open(String operation, LiveScope parent);

    /**
     * @return every open scope, of every owner, each verified to its last entry, and the damage
     *         found; scopes that damage touches are withheld
     * @throws dev.rollback.durable.JournalException when the journal cannot be read at all
     */
    JournalState read();

    /**
     * @param owner an owner read from the journal
     * @return whether its process still runs with that journal open (many processes may share one
     *         journal: recovery leaves a live owner's scopes alone)
     */
    boolean isAlive(Owner owner);

    /**
     * Takes a scope whose holder is dead, exclusively: two recoverers, in one process or two,
     * never both hold it.
     *
     * @param scopeId an open scope's id
     * @return the claim, with the scope read again after taking it; empty when its holder is alive,
     *         another recoverer holds it, or it is no longer open
     * @throws dev.rollback.durable.JournalException when the claim cannot be journaled
     */
    Optional<Claim> claim(String scopeId);

    /**
     * Removes what only closed scopes need: a file journal's segments whose scopes are all closed,
     * a JDBC journal's rows of closed scopes.
     *
     * @return how many segments or scopes were removed
     * @throws dev.rollback.durable.JournalException when the journal cannot be read or changed
     */
    int compact();

    /** Closes the journal: this owner's open scopes become a dead owner's, for recovery. */
    @Override
    void close();
}
