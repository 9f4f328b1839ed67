package dev.rollback.micrometer;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;
import dev.rollback.RollbackScope;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Turns scopes and compensations into Micrometer Observations, one source for metrics and traces:
 * {@code rollback.scope} from the moment a scope opens until it has ended (committed, or its
 * rollback done), and one {@code rollback.compensation} per compensation a rollback runs, a child of
 * its scope's. See {@link DefaultRollbackScopeConvention} and {@link DefaultCompensationConvention}
 * for the keys.
 *
 * <pre>{@code
 * Rollback.addListener(new ObservationRollbackListener(observationRegistry));
 * }</pre>
 *
 * <p>A scope's observation is a child of the enclosing scope's, else of the observation current
 * when it opened. It is not made current on the thread: a scope may end on another thread (one
 * that follows a future, or one a transaction settles). A compensation's observation starts when
 * the one before it in the same rollback ended (or the rollback started), which is how the report
 * times compensations run one after another; with {@code parallelCompensation} the listeners hear
 * of a priority group's outcomes once the whole group has ended, so the first compensation of a
 * group is observed for the group's time and the others for almost none (the report has their own
 * durations).
 */
public final class ObservationRollbackListener implements RollbackListener {

    private static final DefaultRollbackScopeConvention SCOPES = new DefaultRollbackScopeConvention();
    private static final DefaultCompensationConvention COMPENSATIONS = new DefaultCompensationConvention();

    private final ObservationRegistry registry;
    private final ObservationConvention<RollbackScopeContext> scopeConvention;
    private final ObservationConvention<CompensationContext> compensationConvention;
    private final ConcurrentMap<String, Observation> scopes = new ConcurrentHashMap<>();
    /** Rollbacks under way: each runs its callbacks on one thread; the same scope may see a late record's too. */
    private final ConcurrentMap<RunKey, RollbackObservations> rollbacks = new ConcurrentHashMap<>();

    /**
     * Creates the listener.
     *
     * @param registry where the observations go
     */
    public ObservationRollbackListener(ObservationRegistry registry) {
        this(registry, null, null);
    }

    /**
     * Creates the listener.
     *
     * @param registry               where the observations go
     * @param scopeConvention        replaces {@link DefaultRollbackScopeConvention}; {@code null} for the default
     * @param compensationConvention replaces {@link DefaultCompensationConvention}; {@code null} for the default
     */
    public ObservationRollbackListener(ObservationRegistry registry,
                                       ObservationConvention<RollbackScopeContext> scopeConvention,
                                       ObservationConvention<CompensationContext> compensationConvention) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.scopeConvention = scopeConvention;
        this.compensationConvention = compensationConvention;
    }

    @Override
    public void onScopeStart(String operationId, String name) {
        if (registry.isNoop()) {
            return;
        }
        RollbackScopeContext context = new RollbackScopeContext(operationId, name, WeavingRoute.of(name));
        Observation observation = Observation.createNotStarted(scopeConvention, SCOPES, () -> context, registry)
                .parentObservation(parentOfNewScope());
        scopes.put(operationId, observation.start());
    }

    /** The enclosing scope is still the current one while the new scope's start is announced. */
    private Observation parentOfNewScope() {
        Optional<RollbackScope> enclosing = Rollback.current();
        Observation parent = enclosing.map(scope -> scopes.get(scope.operationId())).orElse(null);
        return parent != null ? parent : registry.getCurrentObservation();
    }

    @Override
    public void onRollbackStart(String operationId, String name, List<String> compensations, Optional<Throwable> cause) {
        if (registry.isNoop()) {
            return;
        }
        Observation scope = scopes.get(operationId);
        if (scope != null) {
            cause.ifPresent(scope::error);
        }
        RollbackObservations run = new RollbackObservations(operationId, name, compensations,
                scope != null ? scope : registry.getCurrentObservation());
        rollbacks.put(new RunKey(operationId, Thread.currentThread()), run);
        run.startNext();
    }

    @Override
    public void onCompensation(String operationId, CompensationResult result) {
        RollbackObservations run = rollbacks.get(new RunKey(operationId, Thread.currentThread()));
        if (run == null) {
            return; // the registry was a no-op when the rollback started
        }
        run.ended(result);
        if (result.outcome() != Outcome.SUCCEEDED) {
            Observation scope = scopes.get(operationId);
            if (scope != null) {
                ((RollbackScopeContext) scope.getContext()).compensationFailed();
            }
        }
        run.startNext();
    }

    @Override
    public void onRollback(RollbackReport report) {
        rollbacks.remove(new RunKey(report.operationId(), Thread.currentThread()));
    }

    @Override
    public void onScopeEnd(String operationId, String name, boolean rolledBack) {
        Observation observation = scopes.remove(operationId);
        if (observation == null) {
            return; // the registry was a no-op when the scope opened
        }
        ((RollbackScopeContext) observation.getContext()).end(rolledBack);
        observation.stop();
    }

    private record RunKey(String operationId, Thread thread) {
    }

    /** The compensations of one rollback, observed one after another in running order. */
    private final class RollbackObservations {
        private final String operationId;
        private final String name;
        private final List<String> descriptions;
        private final Observation parent;
        private int next;
        private Observation running;

        RollbackObservations(String operationId, String name, List<String> descriptions, Observation parent) {
            this.operationId = operationId;
            this.name = name;
            this.descriptions = descriptions;
            this.parent = parent;
        }

        void startNext() {
            if (next >= descriptions.size()) {
                return;
            }
            CompensationContext context = new CompensationContext(operationId, name, descriptions.get(next++));
            running = Observation.createNotStarted(compensationConvention, COMPENSATIONS, () -> context, registry)
                    .parentObservation(parent).start();
        }

        void ended(CompensationResult result) {
            ((CompensationContext) running.getContext()).ended(result);
            result.error().ifPresent(running::error);
            running.stop();
            running = null;
        }
    }
}
