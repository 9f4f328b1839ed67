package dev.rollback.internal;

import dev.rollback.RollbackStateException;
import dev.rollback.spi.JournaledScope;
import dev.rollback.spi.JournaledStep;
import dev.rollback.spi.ScopeJournal;

import java.util.ServiceLoader;

/**
 * The engine's side of durable scopes: the installed {@link ScopeJournal}, the intents journaled
 * before {@code @Compensate} bodies (kept per thread until the call returns or throws), and the key
 * of the compensation running on a thread. Scopes that are not durable never reach this class: the
 * engine tests one field of the scope it already holds.
 */
public final class Journaling {

    /** The system property naming a file journal's directory, for zero-code installation. */
    public static final String JOURNAL_PROPERTY = "rollback.journal";

    private static volatile ScopeJournal journal;
    private static boolean bootstrapped;
    /** Intents whose call has not returned yet, innermost first; only set while such a call runs. */
    private static final ThreadLocal<Intent> INTENTS = new ThreadLocal<>();

    private Journaling() {
    }

    /** @param installed the journal */
    public static synchronized void install(ScopeJournal installed) {
        journal = installed;
    }

    /**
     * @param installed the journal installed before
     * @return whether it was the one installed
     */
    public static synchronized boolean uninstall(ScopeJournal installed) {
        if (journal != installed) {
            return false;
        }
        journal = null;
        return true;
    }

    /** @return whether a journal is installed (the system property's included, once bootstrapped) */
    public static boolean installed() {
        return journal != null;
    }

    /**
     * Installs the journal that {@code -Drollback.journal=DIR} asks for, when it is set and nothing
     * is installed: the first {@link JournalBootstrap} found by {@link ServiceLoader} (the
     * {@code rollback-durable} jar has one, which also recovers what dead processes left). Runs once;
     * the weavers call it at start, and a durable scope opening finds it done.
     *
     * @throws RollbackStateException when the property is set and no bootstrap is on the class path
     */
    public static synchronized void bootstrap() {
        if (bootstrapped) {
            return;
        }
        bootstrapped = true;
        String directory = System.getProperty(JOURNAL_PROPERTY);
        if (directory == null || journal != null) {
            return;
        }
        ClassLoader loader = Journaling.class.getClassLoader();
        for (JournalBootstrap found : ServiceLoader.load(JournalBootstrap.class, loader)) {
            found.start(directory);
            return;
        }
        throw new RollbackStateException("-D" + JOURNAL_PROPERTY + "=" + directory + " is set, but no journal"
                + " bootstrap is on the class path; accepted: the rollback-durable jar on the class path");
    }

    /** Journals a durable scope's opening; the journal installed is required. */
    static JournaledScope open(String name, Scope parent) {
        ScopeJournal current = journal;
        if (current == null) {
            Scopes.outsideAnyScope(Journaling::bootstrap); // recovery's compensations record into no scope
            current = journal;
        }
        if (current == null) {
            throw new RollbackStateException("durable scope '" + name + "' cannot open: no journal is installed;"
                    + " accepted: DurableRollback.install(Journal.file(directory)) (module rollback-durable) before"
                    + " the scope opens, or -D" + JOURNAL_PROPERTY + "=DIR with rollback-durable on the class path");
        }
        return current.open(name, parent == null ? null : parent.journal);
    }

    /** Journals a call's intent before its body and keeps its step for the call's record. */
    static void intend(Scope scope, CompensatePlan plan, Object[] args) {
        JournaledStep step = scope.journal.intent(plan.method(), args, plan.priority(), plan.timeoutMillis(),
                plan.retries());
        INTENTS.set(new Intent(plan, step, INTENTS.get()));
    }

    /**
     * @param plan the plan of the call that returned or threw
     * @return the step of its intent, taken off this thread; {@code null} when its intent was not
     *         journaled (the call began outside a durable scope)
     */
    static JournaledStep take(CompensatePlan plan) {
        Intent intent = INTENTS.get();
        if (intent == null || intent.plan != plan) {
            if (intent == null) {
                INTENTS.remove();
            }
            return null;
        }
        if (intent.outer == null) {
            INTENTS.remove();
        } else {
            INTENTS.set(intent.outer);
        }
        return intent.step;
    }

    /** One journaled intent whose call runs on this thread. */
    private record Intent(CompensatePlan plan, JournaledStep step, Intent outer) {
    }
}
