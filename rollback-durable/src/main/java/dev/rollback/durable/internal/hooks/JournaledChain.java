package dev.rollback.durable.internal.hooks;

import dev.rollback.durable.internal.LiveScope;
import dev.rollback.durable.internal.ScopeOutcome;
import dev.rollback.durable.internal.StepIntent;
import dev.rollback.durable.internal.StepKey;
import dev.rollback.durable.internal.codec.ValueCodec;
import dev.rollback.spi.JournaledScope;
import dev.rollback.spi.JournaledStep;

import java.lang.reflect.Method;

/**
 * One durable scope of this process, on its chain in the store. A step is journaled compensated on
 * the scope that holds it now: its own, or, once it succeeded as nested, the one it was handed to.
 * A step whose holder has closed (a record that reached a scope after it closed, semantics C4) is
 * not journaled further: a closed scope is never recovered.
 */
final class JournaledChain implements JournaledScope {

    private final LiveScope live;
    private final JournaledChain parent;
    private volatile JournaledChain handedTo;
    private volatile boolean closed;

    JournaledChain(LiveScope live, JournaledChain parent) {
        this.live = live;
        this.parent = parent;
    }

    LiveScope live() {
        return live;
    }

    /**
     * Journals an intent in this scope or, when it has closed (a task of it still running, C4), in the
     * open scope its steps went to; a scope that closed otherwise journals nothing more, and the call's
     * step is then kept in memory only, as C4 handles it.
     */
    @Override
    public JournaledStep intent(Method method, Object[] arguments, int priority, long timeoutMillis, int retries) {
        ValueCodec codec = ValueCodec.of(method); // D4: refuses types that cannot be journaled, before the body
        StepIntent intent = StepIntent.of(method, codec.encodeArguments(arguments), priority, timeoutMillis, retries);
        for (JournaledChain holder = holder(); holder != null; holder = holder()) {
            try {
                return new Call(holder, codec, new StepKey(holder.live.scopeId(), holder.live.intent(intent)));
            } catch (IllegalStateException closing) {
                if (!holder.closed) {
                    throw closing;
                }
                // it closed between the look and the write: the next holder takes the intent
            }
        }
        return new Call(null, codec, new StepKey(live.scopeId() + ":late", LATE.incrementAndGet()));
    }

    private static final java.util.concurrent.atomic.AtomicInteger LATE = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void committed() {
        closed = true;
        live.closed(ScopeOutcome.COMMITTED);
    }

    @Override
    public void handedOver() {
        handedTo = parent;
        closed = true;
        live.handedOver();
    }

    @Override
    public void rolledBack() {
        closed = true;
        live.closed(ScopeOutcome.ROLLED_BACK);
    }

    /** @return the open scope that holds the steps journaled in this one, or {@code null} when none does */
    JournaledChain holder() {
        JournaledChain scope = this;
        while (scope.handedTo != null) {
            scope = scope.handedTo;
        }
        return scope.closed ? null : scope;
    }

    @Override
    public String toString() {
        return "journaled scope " + live.scopeId();
    }

    /** One call of a {@code @Compensate} method journaled in a scope ({@code null}: a late call, journaled nowhere). */
    private static final class Call implements JournaledStep {
        private final JournaledChain scope;
        private final ValueCodec codec;
        private final StepKey key;

        Call(JournaledChain scope, ValueCodec codec, StepKey key) {
            this.scope = scope;
            this.codec = codec;
            this.key = key;
        }

        @Override
        public void recorded(Object result) {
            if (scope != null) {
                scope.live.recorded(key.step(), codec.encodeResult(result));
            }
        }

        @Override
        public void abandoned() {
            journalCompensated();
        }

        @Override
        public void compensated() {
            journalCompensated();
        }

        private void journalCompensated() {
            JournaledChain holder = scope == null ? null : scope.holder();
            if (holder != null) {
                holder.live.compensated(key);
            }
        }

        @Override
        public String idempotencyKey() {
            return key.idempotencyKey();
        }

        @Override
        public String toString() {
            return "step " + key;
        }
    }
}
