package dev.rollback.durable;

import dev.rollback.RollbackReport;
import dev.rollback.RollbackStateException;
import dev.rollback.durable.internal.hooks.Recovery;
import dev.rollback.durable.internal.hooks.StoreScopeJournal;
import dev.rollback.spi.ScopeJournals;

import java.util.List;
import java.util.Objects;

/**
 * Makes durable scopes work: installs the journal they are written to, and undoes what processes
 * that died left in it.
 *
 * <pre>{@code
 * Journal journal = Journal.file(Path.of("/var/lib/acme/rollback"));
 * DurableRollback.install(journal);                     // before the first durable scope opens
 * List<RollbackReport> undone = DurableRollback.recover(); // at start: what dead runs left
 * }</pre>
 *
 * <p>Zero code: {@code -Drollback.journal=DIR} with this jar on the class path installs
 * {@code Journal.file(DIR)} and recovers when the first durable scope opens.
 */
public final class DurableRollback {

    private static Installed installed;

    private DurableRollback() {
    }

    /**
     * Installs a journal for the whole JVM, with {@link InstanceResolver#noArgConstructor()}.
     *
     * @param journal where durable scopes are journaled; replaces the one installed before
     */
    public static void install(Journal journal) {
        install(journal, InstanceResolver.noArgConstructor());
    }

    /**
     * Installs a journal for the whole JVM.
     *
     * @param journal  where durable scopes are journaled; replaces the one installed before (which
     *                 is not closed: its owner closes it)
     * @param resolver gives recovery the objects whose compensating methods run (D5)
     */
    public static synchronized void install(Journal journal, InstanceResolver resolver) {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(resolver, "resolver");
        Installed next = new Installed(journal, resolver, new StoreScopeJournal(StoreJournal.storeOf(journal)));
        ScopeJournals.install(next.hooks);
        installed = next;
    }

    /**
     * Removes the journal installed, if {@code journal} is it: durable scopes cannot open any more.
     *
     * @param journal the journal installed before
     * @return whether it was the one installed
     */
    public static synchronized boolean uninstall(Journal journal) {
        if (installed == null || installed.journal != journal) {
            return false;
        }
        ScopeJournals.uninstall(installed.hooks);
        installed = null;
        return true;
    }

    /**
     * Undoes what processes that died left in the installed journal (D2): every durable scope whose
     * owner is gone before it closed, innermost first, each compensation that was recorded and had
     * not succeeded, in live rollback order, each success journaled before the next starts. Scopes of
     * live processes sharing the journal, and this process's own, are left alone. A scope whose steps
     * all succeed is closed; one with a step that failed, is in doubt (D3) or was refused (D8) stays,
     * and its report says why. Safe to call twice, and from several processes at once.
     *
     * @return a report per scope recovered or tried, then one per damaged place of the journal
     * @throws RollbackStateException when no journal is installed
     * @throws JournalException       when the journal cannot be read or written
     */
    public static List<RollbackReport> recover() {
        Installed current;
        synchronized (DurableRollback.class) {
            current = installed;
        }
        if (current == null) {
            throw new RollbackStateException("DurableRollback.recover() with no journal installed; accepted:"
                    + " DurableRollback.install(Journal.file(directory)) first, or -Drollback.journal=DIR");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new Recovery(StoreJournal.storeOf(current.journal), current.resolver,
                loader != null ? loader : DurableRollback.class.getClassLoader()).run();
    }

    private record Installed(Journal journal, InstanceResolver resolver, StoreScopeJournal hooks) {
    }
}
