package dev.rollback.internal;

import dev.rollback.CompensationResult;
import dev.rollback.RecordedCompensation;
import dev.rollback.RollbackException;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The registered listeners, as an immutable snapshot swapped on every change: the default logging
 * listener, then those found by {@link ServiceLoader}, then those added at run time. Listeners
 * that do not override {@link RollbackListener#onScopeStart} or {@link RollbackListener#onRecord}
 * are left out of those lists, so opening a scope or recording costs nothing for them.
 */
public final class Listeners {

    private static volatile Listeners current = new Listeners(initial());

    private final RollbackListener[] all;
    private final RollbackListener[] scopeStart;
    private final RollbackListener[] record;
    private final RollbackListener[] rollbackStart;
    private final RollbackListener[] compensation;
    private final RollbackListener[] rollback;
    private final RollbackListener[] scopeEnd;
    /** The default listener, asked per rollback whether its levels are enabled; {@code null} once removed. */
    private final LoggingListener logging;
    /** Whether a listener other than the default one overrides each rollback callback. */
    private final boolean othersStart;
    private final boolean othersCompensation;
    private final boolean othersRollback;

    private Listeners(RollbackListener[] all) {
        this.all = all;
        this.scopeStart = overriding(all, "onScopeStart", String.class, String.class);
        this.record = overriding(all, "onRecord", String.class, RecordedCompensation.class);
        this.rollbackStart = overriding(all, "onRollbackStart", String.class, String.class, List.class, Optional.class);
        this.compensation = overriding(all, "onCompensation", String.class, CompensationResult.class);
        this.rollback = overriding(all, "onRollback", RollbackReport.class);
        this.scopeEnd = overriding(all, "onScopeEnd", String.class, String.class, boolean.class);
        this.logging = (LoggingListener) Arrays.stream(all).filter(l -> l instanceof LoggingListener).findFirst().orElse(null);
        this.othersStart = Arrays.stream(rollbackStart).anyMatch(l -> l != logging);
        this.othersCompensation = Arrays.stream(compensation).anyMatch(l -> l != logging);
        this.othersRollback = Arrays.stream(rollback).anyMatch(l -> l != logging);
    }

    private static RollbackListener[] overriding(RollbackListener[] all, String method, Class<?>... parameters) {
        return Arrays.stream(all).filter(l -> overrides(l, method, parameters)).toArray(RollbackListener[]::new);
    }

    static Listeners current() {
        return current;
    }

    /**
     * @param listener the listener to add
     */
    public static synchronized void add(RollbackListener listener) {
        Objects.requireNonNull(listener, "listener");
        RollbackListener[] next = Arrays.copyOf(current.all, current.all.length + 1);
        next[next.length - 1] = listener;
        current = new Listeners(next);
    }

    /**
     * @param listener the listener to remove (compared by identity)
     * @return whether it was registered
     */
    public static synchronized boolean remove(RollbackListener listener) {
        List<RollbackListener> next = new ArrayList<>(Arrays.asList(current.all));
        boolean removed = next.removeIf(l -> l == listener);
        current = new Listeners(next.toArray(RollbackListener[]::new));
        return removed;
    }

    static void scopeStarted(Scope scope) {
        RollbackListener[] listeners = current.scopeStart;
        if (listeners.length == 0) {
            return;
        }
        List<Throwable> failures = new ArrayList<>(0);
        for (RollbackListener listener : listeners) {
            try {
                listener.onScopeStart(scope.operationId(), scope.name());
            } catch (Throwable t) {
                failures.add(t); // thrown below, before the scope opens
            }
        }
        if (!failures.isEmpty()) {
            RollbackException failure = new RollbackException("a RollbackListener failed in onScopeStart for "
                    + scope + ", so the scope was not opened", failures.get(0));
            failures.subList(1, failures.size()).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /**
     * Tells the listeners that override {@code onScopeEnd} that a scope has ended.
     *
     * @param failures where their failures go
     */
    static void scopeEnded(Scope scope, boolean rolledBack, List<Throwable> failures) {
        RollbackListener[] listeners = current.scopeEnd;
        for (RollbackListener listener : listeners) {
            try {
                listener.onScopeEnd(scope.operationId(), scope.name(), rolledBack);
            } catch (Throwable t) {
                failures.add(t); // attached to what leaves the scope, or thrown by the caller
            }
        }
    }

    /**
     * Like {@link #scopeEnded(Scope, boolean, List)}, for a scope that committed.
     *
     * @param pending what the closing call is about to throw already, or {@code null}
     * @return what it must throw: {@code pending}, with the listeners' failures suppressed in it, or
     *         a {@link RollbackException} carrying them; {@code null} when there is nothing to throw
     */
    static RuntimeException committedScopeEnded(Scope scope, RuntimeException pending) {
        if (current.scopeEnd.length == 0) {
            return pending;
        }
        List<Throwable> failures = new ArrayList<>(0);
        scopeEnded(scope, false, failures);
        if (failures.isEmpty()) {
            return pending;
        }
        RuntimeException failure = pending != null ? pending : new RollbackException("a RollbackListener failed in"
                + " onScopeEnd for " + scope + ", which committed", failures.remove(0));
        failures.forEach(failure::addSuppressed);
        return failure;
    }

    /**
     * Announces a scope that recovery is about to roll back ({@code onScopeStart}): it was opened by a
     * process that died. What the listeners throw goes to {@code failures}; the recovery goes on.
     */
    static void announced(String operationId, String name, List<Throwable> failures) {
        for (RollbackListener listener : current.scopeStart) {
            try {
                listener.onScopeStart(operationId, name);
            } catch (Throwable t) {
                failures.add(t); // thrown by recovery once it has run
            }
        }
    }

    /** Ends a scope that recovery rolled back ({@code onScopeEnd}, rolled back). */
    static void ended(String operationId, String name, List<Throwable> failures) {
        for (RollbackListener listener : current.scopeEnd) {
            try {
                listener.onScopeEnd(operationId, name, true);
            } catch (Throwable t) {
                failures.add(t); // thrown by recovery once it has run
            }
        }
    }

    /** Tells the listeners that override {@code onRecord}; what they throw leaves the recording call. */
    static void recorded(Scope scope, Record record) {
        RollbackListener[] listeners = current.record;
        for (RollbackListener listener : listeners) {
            listener.onRecord(scope.operationId(), record);
        }
    }

    /** @return whether some listener will look at the start of a rollback */
    boolean wantsStart() {
        return othersStart || logging != null && logging.logsStart();
    }

    /**
     * @param succeeded whether the compensation succeeded
     * @return whether some listener will look at a compensation's result
     */
    boolean wantsCompensation(boolean succeeded) {
        return othersCompensation || logging != null && logging.logsCompensation(succeeded);
    }

    /**
     * @param complete whether every compensation succeeded
     * @return whether some listener will look at the report
     */
    boolean wantsReport(boolean complete) {
        return othersRollback || logging != null && logging.logsSummary(complete);
    }

    void rollbackStarted(String operationId, String name, List<String> compensations, Optional<Throwable> cause,
                         List<Throwable> failures) {
        for (RollbackListener listener : rollbackStart) {
            try {
                listener.onRollbackStart(operationId, name, compensations, cause);
            } catch (Throwable t) {
                failures.add(t); // attached to what leaves the scope
            }
        }
    }

    void compensated(String operationId, CompensationResult result, List<Throwable> failures) {
        for (RollbackListener listener : compensation) {
            try {
                listener.onCompensation(operationId, result);
            } catch (Throwable t) {
                failures.add(t); // attached to what leaves the scope
            }
        }
    }

    void rolledBack(RollbackReport report, List<Throwable> failures) {
        for (RollbackListener listener : rollback) {
            try {
                listener.onRollback(report);
            } catch (Throwable t) {
                failures.add(t); // attached to what leaves the scope
            }
        }
    }

    private static boolean overrides(RollbackListener listener, String method, Class<?>... parameters) {
        try {
            return listener.getClass().getMethod(method, parameters).getDeclaringClass() != RollbackListener.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("RollbackListener." + method + " is missing", e);
        }
    }

    private static RollbackListener[] initial() {
        List<RollbackListener> listeners = new ArrayList<>();
        listeners.add(new LoggingListener());
        try {
            ServiceLoader.load(RollbackListener.class, Listeners.class.getClassLoader()).forEach(listeners::add);
        } catch (ServiceConfigurationError e) {
            throw new RollbackException("could not load the RollbackListener services named in"
                    + " META-INF/services/dev.rollback.RollbackListener: " + e.getMessage()
                    + "; accepted: public classes implementing dev.rollback.RollbackListener with a public no-arg constructor", e);
        }
        return listeners.toArray(RollbackListener[]::new);
    }
}
