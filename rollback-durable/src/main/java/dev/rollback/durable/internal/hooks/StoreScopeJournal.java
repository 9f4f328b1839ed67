package dev.rollback.durable.internal.hooks;

import dev.rollback.durable.internal.JournalStore;
import dev.rollback.spi.JournaledScope;
import dev.rollback.spi.ScopeJournal;

/** The engine's durable scopes, journaled in one store. */
public final class StoreScopeJournal implements ScopeJournal {

    private final JournalStore store;

    /** @param store where scopes are journaled */
    public StoreScopeJournal(JournalStore store) {
        this.store = store;
    }

    @Override
    public JournaledScope open(String operation, JournaledScope parent) {
        if (parent != null && !(parent instanceof JournaledChain)) {
            throw new IllegalArgumentException("parent " + parent + " was not journaled by " + store.location()
                    + "; accepted: a scope this journal opened (install one journal per JVM)");
        }
        JournaledChain enclosing = (JournaledChain) parent;
        return new JournaledChain(store.open(operation, enclosing == null ? null : enclosing.live()), enclosing);
    }

    /** @return the store */
    public JournalStore store() {
        return store;
    }

    @Override
    public String toString() {
        return "journal " + store.location();
    }
}
