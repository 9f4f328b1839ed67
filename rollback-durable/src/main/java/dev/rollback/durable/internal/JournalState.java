package dev.rollback.durable.internal;

import java.util.List;
import java.util.Optional;

/**
 * What a journal holds now: its open scopes, each read whole, and the damage found on the way.
 *
 * @param open    the scopes not closed and not handed over, each verified to its last entry
 * @param damaged where the journal cannot be trusted, with the scopes that stop there
 */
public record JournalState(List<ScopeState> open, List<Damage> damaged) {

    /** @param id a scope id @return that open scope */
    public Optional<ScopeState> scope(String id) {
        return open.stream().filter(scope -> scope.id().equals(id)).findFirst();
    }

    /**
     * @return the open scopes in the order recovery takes them: nested scopes before the scope
     *         they were opened in, as a live rollback would undo them
     */
    public List<ScopeState> innermostFirst() {
        List<ScopeState> ordered = new java.util.ArrayList<>();
        for (ScopeState scope : open) {
            addInnermostFirst(scope, ordered);
        }
        return List.copyOf(ordered);
    }

    private void addInnermostFirst(ScopeState scope, List<ScopeState> ordered) {
        if (ordered.contains(scope)) {
            return;
        }
        for (ScopeState child : open) {
            if (scope.id().equals(child.parent())) {
                addInnermostFirst(child, ordered);
            }
        }
        ordered.add(scope);
    }
}
