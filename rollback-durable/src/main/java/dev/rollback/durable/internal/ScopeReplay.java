package dev.rollback.durable.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one scope's chain, entry by entry, checking that each entry is one its scope could have
 * written at that point; the first that is not stops the replay with a {@link Damage}.
 */
final class ScopeReplay {

    final String id;
    String operation;
    Owner owner;
    Owner holder;
    String parent;
    Instant opened;
    String handedTo;
    boolean closed;
    int entries;
    private int ownSteps;
    String lastHash = EntryCodec.NO_PREVIOUS;
    Damage damage;
    final Map<StepKey, StepState> steps = new LinkedHashMap<>();
    /** Compensations of steps handed over by nested scopes: checked once those are known. */
    final List<Located> compensatedAdopted = new ArrayList<>();

    ScopeReplay(String id) {
        this.id = id;
    }

    boolean isOpen() {
        return damage == null && !closed;
    }

    /** @return {@code false} once the replay stopped at a damaged entry */
    boolean apply(Located at) {
        ChainedEntry chained = at.entry();
        if (damage != null) {
            if (chained.entry() instanceof Entry.Opened opened) {
                parent = opened.parent();
            }
            return false;
        }
        String problem = chained.position() != entries ? "its position is " + chained.position() + ", expected "
                + entries + ": an entry of the scope before it is missing, or it was moved"
                : !chained.prev().equals(lastHash) ? "its prev is " + chained.prev() + ", but the scope's entry before it"
                + " hashes to " + lastHash + ": the entries were changed, reordered or replaced"
                : closed ? "the scope was closed by an entry before it" : check(chained.entry(), at);
        if (problem != null) {
            damage = new Damage(at.location(), at.offset(), "entry " + chained.position() + " of scope " + id
                    + " (" + EntryKinds.name(chained.entry()) + "): " + problem, List.of(id));
            return false;
        }
        entries++;
        lastHash = chained.hash();
        return true;
    }

    private String check(Entry entry, Located at) {
        if (entries == 0) {
            return entry instanceof Entry.Opened opened ? open(opened) : "the scope's first entry is not " + EntryKinds.OPENED;
        }
        if (entry instanceof Entry.Intent intent) {
            return intent(intent);
        } else if (entry instanceof Entry.Recorded recorded) {
            return recorded(recorded);
        } else if (entry instanceof Entry.Compensated compensated) {
            return compensated(compensated, at);
        } else if (entry instanceof Entry.Claimed claimed) {
            holder = claimed.claimer();
            return null;
        } else if (entry instanceof Entry.HandedOver handedOver) {
            return handedOver(handedOver);
        } else if (entry instanceof Entry.Closed) {
            closed = true;
            return null;
        }
        return "a second " + EntryKinds.OPENED;
    }

    private String open(Entry.Opened entry) {
        operation = entry.operation();
        owner = entry.owner();
        holder = entry.owner();
        parent = entry.parent();
        opened = entry.time();
        return null;
    }

    private String intent(Entry.Intent entry) {
        int expected = ownSteps + 1;
        if (entry.step() != expected) {
            return "it is the intent of step " + entry.step() + ", expected step " + expected;
        }
        StepKey key = new StepKey(id, entry.step());
        steps.put(key, new StepState(key, entry.intent(), StepState.Status.INTENDED, null, -1));
        ownSteps++;
        return null;
    }

    private String recorded(Entry.Recorded entry) {
        StepKey key = new StepKey(id, Math.max(entry.step(), 1));
        StepState step = steps.get(key);
        if (step == null || step.status() != StepState.Status.INTENDED) {
            return "it records step " + entry.step() + ", which has " + (step == null ? "no intent" : "a record already");
        }
        steps.put(key, step.recorded(entry.result(), entry.order()));
        return null;
    }

    private String compensated(Entry.Compensated entry, Located at) {
        StepState step = steps.get(entry.step());
        if (step == null) {
            if (entry.step().scope().equals(id)) {
                return "it compensates step " + entry.step().step() + ", which has no intent";
            }
            compensatedAdopted.add(at);
            return null;
        }
        if (step.status() == StepState.Status.COMPENSATED) {
            return "it compensates step " + entry.step() + " a second time";
        }
        steps.put(entry.step(), step.compensated());
        return null;
    }

    private String handedOver(Entry.HandedOver entry) {
        if (parent == null || !parent.equals(entry.to())) {
            return "it hands the steps over to " + entry.to() + ", but the scope was opened in " + parent;
        }
        handedTo = entry.to();
        closed = true;
        return null;
    }
}
