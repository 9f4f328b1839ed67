package dev.rollback.durable;

import dev.rollback.durable.internal.JournalStore;

/** The one {@link Journal}: a front for the store that does the work. */
final class StoreJournal implements Journal {

    private final JournalStore store;

    StoreJournal(JournalStore store) {
        this.store = store;
    }

    /** {@return the store under a journal, for the engine's hooks and recovery} */
    static JournalStore storeOf(Journal journal) {
        return ((StoreJournal) journal).store;
    }

    @Override
    public int compact() {
        return store.compact();
    }

    @Override
    public String location() {
        return store.location();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return store.location();
    }
}
