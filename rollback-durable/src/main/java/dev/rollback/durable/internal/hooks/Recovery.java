package dev.rollback.durable.internal.hooks;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.RollbackReport;
import dev.rollback.RollbackStateException;
import dev.rollback.durable.InstanceResolver;
import dev.rollback.durable.JournalException;
import dev.rollback.durable.internal.Claim;
import dev.rollback.durable.internal.Damage;
import dev.rollback.durable.internal.JournalState;
import dev.rollback.durable.internal.JournalStore;
import dev.rollback.durable.internal.ScopeOutcome;
import dev.rollback.durable.internal.ScopeState;
import dev.rollback.durable.internal.StepState;
import dev.rollback.internal.RecoveredRollback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Undoes what dead processes left in a journal (D2): each open scope whose holder is gone is
 * claimed, innermost first, and its pending steps run in live rollback order, each success
 * journaled before the next starts. A scope whose steps all succeeded is closed; one with a step
 * that failed, was refused or is in doubt (D3) stays open, claimable by a later recovery, and its
 * report says why. Damage found in the journal (D7, D8) is reported as a report of its own. Each
 * scope is rolled back by the engine's own rollback run: time limits and retries as live, and the
 * installed {@code RollbackListener}s told as for a live scope that rolls back.
 */
public final class Recovery {

    private final JournalStore store;
    private final StepRunner runner;

    /**
     * @param store    the journal
     * @param resolver the instances whose compensating methods run
     * @param loader   where the journaled classes are looked up (never initialized before their
     *                 method is checked to carry {@code @Compensate})
     */
    public Recovery(JournalStore store, InstanceResolver resolver, ClassLoader loader) {
        this.store = store;
        this.runner = new StepRunner(resolver, loader);
    }

    /**
     * @return one report per scope recovered or tried, then one per damage found
     * @throws JournalException       when the journal cannot be read or written
     * @throws RollbackStateException when a listener failed while recovery ran (after it ran to its
     *                                end: the journal has what it did), its failures suppressed in it
     */
    public List<RollbackReport> run() {
        JournalState state = store.read();
        List<RollbackReport> reports = new ArrayList<>();
        List<Throwable> listenerFailures = new ArrayList<>(0);
        for (ScopeState scope : state.innermostFirst()) {
            Optional<Claim> claim = store.claim(scope.id());
            if (claim.isPresent()) {
                try (Claim held = claim.get()) {
                    RecoveredRollback.Result result = recover(held);
                    reports.add(result.report());
                    listenerFailures.addAll(result.listenerFailures());
                }
            }
        }
        for (Damage damage : state.damaged()) {
            reports.add(damageReport(damage));
        }
        store.compact();
        if (!listenerFailures.isEmpty()) {
            RollbackStateException failure = new RollbackStateException("recovery ran to its end (" + reports + "), but "
                    + listenerFailures.size() + " RollbackListener call(s) failed; see the suppressed exceptions");
            listenerFailures.forEach(failure::addSuppressed);
            throw failure;
        }
        return List.copyOf(reports);
    }

    private RecoveredRollback.Result recover(Claim claim) {
        ScopeState scope = claim.scope();
        List<RecoveredRollback.Step> steps = new ArrayList<>();
        for (StepState step : scope.pendingInRollbackOrder()) {
            steps.add(runner.prepare(scope, step, claim));
        }
        RecoveredRollback.Result result = RecoveredRollback.run(scope.id(), scope.operation(), new OwnerGone(scope), steps);
        if (result.report().isComplete()) {
            claim.closed(ScopeOutcome.ROLLED_BACK);
        }
        return result;
    }

    private static RollbackReport damageReport(Damage damage) {
        JournalException error = new JournalException("the journal is damaged or was tampered with: "
                + damage.message() + "; nothing of these scopes ran; accepted: a journal written by Rollback alone");
        CompensationResult result = new CompensationResult(damage.message(), 0, Outcome.FAILED, 1, Duration.ZERO, error);
        String id = damage.scopes().isEmpty() ? damage.location() : String.join(",", damage.scopes());
        return new RollbackReport(id, "damaged journal " + damage.location(), Instant.now(), Duration.ZERO,
                List.of(result));
    }
}
