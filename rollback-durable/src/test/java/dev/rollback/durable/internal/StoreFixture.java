package dev.rollback.durable.internal;

import java.util.List;

/** What the contract test needs of one kind of journal. */
public interface StoreFixture {

    /** @return a new store on the journal under test, with a new owner */
    JournalStore open();

    /** @return the arguments that make {@link JournalChild} open a store on the same journal */
    List<String> childArguments();

    /** @return how much the journal holds: segment files, or scope rows */
    long storageUnits();
}
