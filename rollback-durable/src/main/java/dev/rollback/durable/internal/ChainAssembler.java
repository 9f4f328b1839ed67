package dev.rollback.durable.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link JournalState} from every entry a journal holds, wherever each was read: orders
 * each scope's entries by position, checks the chain ({@link ScopeReplay}), gives each scope the
 * steps its completed nested scopes handed over, and withholds every scope that damage touches,
 * with the scopes opened in it or handed over to it.
 */
public final class ChainAssembler {

    private final Map<String, ScopeReplay> scopes = new LinkedHashMap<>();
    private final List<Damage> damaged = new ArrayList<>();
    private final Map<String, Damage> withheld = new java.util.HashMap<>();

    private ChainAssembler() {
    }

    /**
     * @param entries     every entry read, in any order
     * @param unreadable  damage found below the entries (bytes that are no entry), naming the
     *                    scopes it stops
     * @return the open scopes and the damage
     */
    public static JournalState assemble(List<Located> entries, List<Damage> unreadable) {
        ChainAssembler assembler = new ChainAssembler();
        assembler.withhold(unreadable);
        assembler.replay(entries);
        assembler.adopt();
        assembler.withholdEnclosing();
        return assembler.state();
    }

    private void replay(List<Located> entries) {
        Map<String, List<Located>> byScope = new LinkedHashMap<>();
        for (Located entry : entries) {
            byScope.computeIfAbsent(entry.entry().entry().scope(), id -> new ArrayList<>()).add(entry);
        }
        for (Map.Entry<String, List<Located>> scope : byScope.entrySet()) {
            List<Located> chain = distinct(scope.getValue());
            if (chain.get(0).entry().position() > 0 && endsClosed(chain)) {
                continue; // the start of a closed scope was compacted away: nothing left to do for it
            }
            ScopeReplay replay = new ScopeReplay(scope.getKey());
            replay.damage = withheld.get(scope.getKey());
            scopes.put(scope.getKey(), replay);
            for (Located entry : chain) {
                if (replay.damage != null) {
                    replay.apply(entry); // learns the parent of a withheld scope, so that it is withheld too
                    continue;
                }
                if (!replay.apply(entry)) {
                    damaged.add(replay.damage);
                    break;
                }
            }
        }
    }

    /** Sorts by position and drops exact copies (a rewritten entry); two different entries at one position stay, to fail. */
    private static List<Located> distinct(List<Located> entries) {
        List<Located> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(located -> located.entry().position()));
        List<Located> chain = new ArrayList<>();
        for (Located entry : sorted) {
            Located last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            if (last == null || last.entry().position() != entry.entry().position()
                    || !last.entry().hash().equals(entry.entry().hash())) {
                chain.add(entry);
            }
        }
        return chain;
    }

    private static boolean endsClosed(List<Located> chain) {
        Entry last = chain.get(chain.size() - 1).entry().entry();
        return last instanceof Entry.Closed || last instanceof Entry.HandedOver;
    }

    /** Damage below the entries comes first: its scopes are withheld without a second report from their chains. */
    private void withhold(List<Damage> unreadable) {
        for (Damage damage : unreadable) {
            damaged.add(damage);
            for (String id : damage.scopes()) {
                withheld.putIfAbsent(id, damage);
            }
        }
    }

    private void adopt() {
        for (ScopeReplay scope : scopes.values()) {
            if (!scope.isOpen()) {
                continue;
            }
            for (ScopeReplay child : handedOverTo(scope)) {
                scope.steps.putAll(child.steps);
            }
            for (Located at : scope.compensatedAdopted) {
                StepKey key = ((Entry.Compensated) at.entry().entry()).step();
                StepState step = scope.steps.get(key);
                if (step == null || step.status() == StepState.Status.COMPENSATED) {
                    scope.damage = new Damage(at.location(), at.offset(), "entry " + at.entry().position() + " of scope "
                            + scope.id + " (" + EntryKinds.COMPENSATED + "): it compensates step " + key + ", which "
                            + (step == null ? "is neither the scope's nor handed over to it" : "was compensated already"),
                            List.of(scope.id));
                    damaged.add(scope.damage);
                    break;
                }
                scope.steps.put(key, step.compensated());
            }
        }
    }

    /** @return the nested scopes that handed their steps over to {@code scope}, and those handed over to them */
    private List<ScopeReplay> handedOverTo(ScopeReplay scope) {
        List<ScopeReplay> children = new ArrayList<>();
        for (ScopeReplay child : scopes.values()) {
            if (scope.id.equals(child.handedTo)) {
                children.addAll(handedOverTo(child));
                children.add(child);
            }
        }
        return children;
    }

    /** A scope whose nested scope is damaged is withheld too: what it would have been handed is unknown. */
    private void withholdEnclosing() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ScopeReplay scope : scopes.values()) {
                if (scope.damage == null || scope.parent == null) {
                    continue;
                }
                ScopeReplay parent = scopes.get(scope.parent);
                if (parent != null && parent.isOpen()) {
                    parent.damage = new Damage(scope.damage.location(), scope.damage.offset(), "the nested scope "
                            + scope.id + " is damaged there, so what it handed over is unknown", List.of(parent.id));
                    damaged.add(parent.damage);
                    changed = true;
                }
            }
        }
    }

    private JournalState state() {
        List<ScopeState> open = new ArrayList<>();
        for (ScopeReplay scope : scopes.values()) {
            if (scope.isOpen()) {
                open.add(new ScopeState(scope.id, scope.operation, scope.owner, scope.parent, scope.opened, scope.holder,
                        List.copyOf(scope.steps.values()), scope.entries, scope.lastHash));
            }
        }
        return new JournalState(List.copyOf(open), List.copyOf(damaged));
    }
}
