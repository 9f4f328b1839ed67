package dev.rollback.durable.internal;

/** Where a store keeps the entries a scope's chain appends, and how stores make chains on it. */
public final class EntrySinks {

    private EntrySinks() {
    }

    /**
     * @param sink      where the entries go
     * @param id        the new scope's id
     * @param operation its operation name
     * @param owner     this process's owner
     * @param parent    the scope it opens in, or {@code null}
     * @return the new scope's chain, its opening journaled
     */
    public static LiveScope open(Sink sink, String id, String operation, Owner owner, LiveScope parent) {
        return ScopeChain.open(sink, id, operation, owner, (ScopeChain) parent);
    }

    /**
     * @param sink    where the entries go
     * @param scope   a scope read back
     * @param claimer who takes it
     * @return its chain, continued with the claim
     */
    public static ScopeWriter resume(Sink sink, ScopeState scope, Owner claimer) {
        return ScopeChain.resume(sink, scope, claimer);
    }

    /** Where a store keeps the entries of chains. */
    public interface Sink {

        /**
         * Stores one entry; called in each chain's order, under that chain's lock.
         *
         * @return a ticket for {@link #awaitForced}
         * @throws dev.rollback.durable.JournalException when it cannot be stored
         */
        long store(ChainedEntry entry);

        /**
         * Returns once every entry stored up to the ticket is on the storage device.
         *
         * @throws dev.rollback.durable.JournalException when forcing fails
         */
        void awaitForced(long ticket);

        /** @return the next value of this owner's record order: higher is newer */
        long nextOrder();
    }
}
