package dev.rollback.durable.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scope's chain as its writer sees it: the next position, the last hash, and each step's
 * status, so that an entry the scope could not have written is refused before it is stored. Live
 * scopes and claims append through it.
 */
final class ScopeChain implements LiveScope {

    private final String id;
    private final ScopeChain parent;
    private final EntrySinks.Sink sink;
    private final Map<StepKey, StepState.Status> steps = new LinkedHashMap<>();
    private int position;
    private String lastHash = EntryCodec.NO_PREVIOUS;
    private int ownSteps;
    private boolean closed;

    private ScopeChain(String id, ScopeChain parent, EntrySinks.Sink sink) {
        this.id = id;
        this.parent = parent;
        this.sink = sink;
    }

    /** Journals a new scope's {@link Entry.Opened}. */
    static ScopeChain open(EntrySinks.Sink sink, String id, String operation, Owner owner, ScopeChain parent) {
        ScopeChain chain = new ScopeChain(id, parent, sink);
        chain.append(new Entry.Opened(id, Instant.now(), operation, owner, parent == null ? null : parent.id));
        return chain;
    }

    /** Continues the chain of a scope read back, with the {@link Entry.Claimed} of its new holder. */
    static ScopeChain resume(EntrySinks.Sink sink, ScopeState scope, Owner claimer) {
        ScopeChain chain = new ScopeChain(scope.id(), null, sink);
        chain.position = scope.entries();
        chain.lastHash = scope.lastHash();
        for (StepState step : scope.steps()) {
            chain.steps.put(step.key(), step.status());
            if (step.key().scope().equals(scope.id())) {
                chain.ownSteps++;
            }
        }
        chain.append(new Entry.Claimed(scope.id(), Instant.now(), claimer));
        return chain;
    }

    @Override
    public String scopeId() {
        return id;
    }

    @Override
    public int intent(StepIntent intent) {
        long ticket;
        int step;
        synchronized (this) {
            requireOpen("the intent of a call");
            step = ownSteps + 1;
            ticket = store(new Entry.Intent(id, Instant.now(), step, intent));
            ownSteps = step;
            steps.put(new StepKey(id, step), StepState.Status.INTENDED);
        }
        sink.awaitForced(ticket);
        return step;
    }

    @Override
    public StepKey recorded(int step, String result) {
        StepKey key = new StepKey(id, step);
        long ticket;
        synchronized (this) {
            requireOpen("the record of step " + step);
            if (steps.get(key) != StepState.Status.INTENDED) {
                throw new IllegalStateException("step " + key + " cannot be recorded: it has " + (steps.containsKey(key)
                        ? "a record already" : "no intent") + "; accepted: one record per step, after its intent");
            }
            ticket = store(new Entry.Recorded(id, Instant.now(), step, result, sink.nextOrder()));
            steps.put(key, StepState.Status.RECORDED);
        }
        sink.awaitForced(ticket);
        return key;
    }

    @Override
    public void compensated(StepKey step) {
        long ticket;
        synchronized (this) {
            requireOpen("the compensation of step " + step);
            StepState.Status status = steps.get(step);
            if (status == null || status == StepState.Status.COMPENSATED) {
                throw new IllegalStateException("step " + step + " cannot be journaled as compensated in scope " + id
                        + ": it " + (status == null ? "is not one of its steps" : "was compensated already")
                        + "; accepted: a step of the scope, or handed over to it, not yet compensated");
            }
            ticket = store(new Entry.Compensated(id, Instant.now(), step));
            steps.put(step, StepState.Status.COMPENSATED);
        }
        sink.awaitForced(ticket);
    }

    @Override
    public void handedOver() {
        if (parent == null) {
            throw new IllegalStateException("scope " + id + " was opened in no durable scope, so it cannot hand its"
                    + " steps over; accepted: handedOver() on a nested scope, closed(COMMITTED) on an outermost one");
        }
        Map<StepKey, StepState.Status> handed;
        synchronized (this) {
            requireOpen("the hand-over");
            store(new Entry.HandedOver(id, Instant.now(), parent.id));
            closed = true;
            handed = Map.copyOf(steps);
        }
        parent.adopt(handed);
    }

    private synchronized void adopt(Map<StepKey, StepState.Status> handed) {
        handed.forEach((key, status) -> {
            if (status != StepState.Status.COMPENSATED) {
                steps.put(key, status);
            }
        });
    }

    @Override
    public void closed(ScopeOutcome outcome) {
        long ticket;
        synchronized (this) {
            requireOpen("its closing");
            ticket = store(new Entry.Closed(id, Instant.now(), outcome));
            closed = true;
        }
        sink.awaitForced(ticket);
    }

    private void requireOpen(String what) {
        if (closed) {
            throw new IllegalStateException("scope " + id + " is closed: " + what + " cannot be journaled;"
                    + " accepted: entries of a scope between its opening and its closing");
        }
    }

    private long store(Entry entry) {
        ChainedEntry chained = EntryCodec.chain(entry, position, lastHash);
        long ticket = sink.store(chained);
        position++;
        lastHash = chained.hash();
        return ticket;
    }

    private synchronized void append(Entry entry) {
        long ticket = store(entry);
        if (entry.forced()) {
            sink.awaitForced(ticket);
        }
    }

    @Override
    public String toString() {
        return "scope " + id;
    }
}
