package dev.rollback.durable;

import dev.rollback.durable.internal.JournalStore;

/** For tests in other packages (which the agent weaves; it skips this package as Rollback's own). */
public final class TestStores {

    private TestStores() {
    }

    /** @return the store under a journal */
    public static JournalStore of(Journal journal) {
        return StoreJournal.storeOf(journal);
    }
}
