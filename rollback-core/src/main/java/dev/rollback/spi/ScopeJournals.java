package dev.rollback.spi;

import dev.rollback.internal.Journaling;

/**
 * Where the {@link ScopeJournal} is installed. One at a time, for the whole JVM; without one (the
 * default) a durable scope cannot open.
 */
public final class ScopeJournals {

    private ScopeJournals() {
    }

    /**
     * Installs the journal for the whole JVM.
     *
     * @param journal the journal; replaces the one installed before
     */
    public static void install(ScopeJournal journal) {
        Journaling.install(java.util.Objects.requireNonNull(journal, "journal"));
    }

    /**
     * Removes the journal, if it is the one installed.
     *
     * @param journal the journal installed before
     * @return whether it was the one installed
     */
    public static boolean uninstall(ScopeJournal journal) {
        return Journaling.uninstall(journal);
    }

    /** {@return whether a journal is installed} */
    public static boolean installed() {
        return Journaling.installed();
    }
}
