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

    @Override
    public JournaledStep intent(Method method, Object[] arguments, int priority, long timeoutMillis, int retries) {
        ValueCodec codec = ValueCodec.of(method); // D4: refuses types that cannot be journaled, before the body
        String encoded = codec.encodeArguments(arguments);
        int step = live.intent(StepIntent.of(method, encoded, priority, timeoutMillis, retries));
        return new Call(this, codec, new StepKey(live.scopeId(), step));
    }

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

    /** One call of a {@code @Compensate} method journaled in a scope. */
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
            scope.live.recorded(key.step(), codec.encodeResult(result));
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
            JournaledChain holder = scope.holder();
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
