package dev.rollback.durable.internal.hooks;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.RollbackReport;
import dev.rollback.durable.InstanceResolver;
import dev.rollback.durable.JournalException;
import dev.rollback.durable.internal.Claim;
import dev.rollback.durable.internal.Damage;
import dev.rollback.durable.internal.JournalState;
import dev.rollback.durable.internal.JournalStore;
import dev.rollback.durable.internal.ScopeOutcome;
import dev.rollback.durable.internal.ScopeState;
import dev.rollback.durable.internal.StepState;

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
 * report says why. Damage found in the journal (D7, D8) is reported as a report of its own.
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
     * @throws JournalException when the journal cannot be read or written
     */
    public List<RollbackReport> run() {
        JournalState state = store.read();
        List<RollbackReport> reports = new ArrayList<>();
        for (ScopeState scope : state.innermostFirst()) {
            Optional<Claim> claim = store.claim(scope.id());
            if (claim.isPresent()) {
                try (Claim held = claim.get()) {
                    reports.add(recover(held));
                }
            }
        }
        for (Damage damage : state.damaged()) {
            reports.add(damageReport(damage));
        }
        store.compact();
        return List.copyOf(reports);
    }

    private RollbackReport recover(Claim claim) {
        ScopeState scope = claim.scope();
        long start = System.nanoTime();
        Instant began = Instant.now();
        List<CompensationResult> results = new ArrayList<>();
        boolean complete = true;
        for (StepState step : scope.pendingInRollbackOrder()) {
            CompensationResult result = runner.run(scope, step);
            results.add(result);
            if (result.outcome() == Outcome.SUCCEEDED) {
                claim.compensated(step.key()); // before the next starts (D2)
            } else {
                complete = false;
            }
        }
        if (complete) {
            claim.closed(ScopeOutcome.ROLLED_BACK);
        }
        return new RollbackReport(scope.id(), scope.operation(), began, Duration.ofNanos(System.nanoTime() - start),
                results);
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
