package dev.rollback.durable.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An open scope read back from the journal, whole: every entry of its chain verified.
 *
 * @param id        the scope's id
 * @param operation the operation name it was opened with
 * @param owner     the process that opened it
 * @param parent    the id of the durable scope it was opened in; {@code null} for an outermost one
 * @param opened    when it was opened
 * @param holder    who writes it now: its owner, or the last recoverer that claimed it
 * @param steps     its own steps in the order their intents were journaled, then those handed over
 *                  to it by nested scopes that completed
 * @param entries   how many entries its chain has
 * @param lastHash  the hash of its last entry, which the next entry's {@code prev} must name
 */
public record ScopeState(String id, String operation, Owner owner, String parent, Instant opened, Owner holder,
                         List<StepState> steps, int entries, String lastHash) {

    /** @return the enclosing durable scope's id, for a nested scope */
    public Optional<String> parentId() {
        return Optional.ofNullable(parent);
    }

    /** @param key a step's key @return that step, if it is one of this scope's */
    public Optional<StepState> step(StepKey key) {
        return steps.stream().filter(step -> step.key().equals(key)).findFirst();
    }

    /**
     * @return the steps whose compensation has not succeeded, in the order a live rollback would
     *         run them: priority descending, then the newest record first; steps with an intent
     *         but no record (D3) come before every recorded step of their priority, since their
     *         call was the last to start
     */
    public List<StepState> pendingInRollbackOrder() {
        return steps.stream().filter(step -> step.status() != StepState.Status.COMPENSATED)
                .sorted(Comparator.comparingInt((StepState step) -> step.intent().priority()).reversed()
                        .thenComparing(Comparator.comparingLong(ScopeState::recency).reversed()))
                .toList();
    }

    private static long recency(StepState step) {
        return step.wasRecorded() ? step.order() : Long.MAX_VALUE;
    }
}
