package dev.rollback.micrometer;

import dev.rollback.RollbackStateException;
import dev.rollback.spi.ScopeBinding;
import io.micrometer.context.ThreadLocalAccessor;

import java.util.ArrayDeque;

/**
 * Carries the current Rollback scope with Micrometer context-propagation, so that
 * {@code ContextSnapshot}, {@code ContextExecutorService} and Spring's
 * {@code ContextPropagatingTaskDecorator} bind tasks to the scope open where they were captured
 * (semantics C1): the task runs inside that scope on whatever thread, and its thread is left as
 * it was when the task ends. A snapshot captured with no scope open leaves the task's thread as it
 * is, as an unwrapped task would run.
 *
 * <p>Registered through {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor}, so
 * {@code ContextRegistry.getInstance()} has it; register it yourself on a registry of your own.
 *
 * <pre>{@code
 * ExecutorService pool = ContextExecutorService.wrap(Executors.newFixedThreadPool(4));
 * Rollback.run("create-agent", () -> pool.submit(() -> workspaces.create(name)).get());
 * }</pre>
 */
public final class RollbackScopeAccessor implements ThreadLocalAccessor<ScopeBinding> {

    /** Creates it; Spring or the application calls this. */
    public RollbackScopeAccessor() {
        // nothing to set up: every field has its initial value
    }

    /** The key under which the scope travels in a {@code ContextSnapshot}. */
    public static final String KEY = "dev.rollback.scope";

    /** What this thread entered through {@link #setValue}, innermost first; removed when empty. */
    private static final ThreadLocal<ArrayDeque<Object>> ENTERED = new ThreadLocal<>();
    /** Stands for a {@link #setValue()} that entered nothing, so that its restore leaves nothing. */
    private static final Object NOTHING = new Object();

    @Override
    public Object key() {
        return KEY;
    }

    /** {@return the scope open on this thread, ready to be entered on others; {@code null} when none is} */
    @Override
    public ScopeBinding getValue() {
        return ScopeBinding.capture();
    }

    /** Enters the captured scope on this thread, until {@link #restore}. */
    @Override
    public void setValue(ScopeBinding binding) {
        push(binding.enter());
    }

    /** Nothing was captured: the thread is left as it is (C1: the task runs as it would unwrapped). */
    @Override
    public void setValue() {
        push(NOTHING);
    }

    @Override
    public void restore(ScopeBinding previous) {
        leave();
    }

    @Override
    public void restore() {
        leave();
    }

    private static void push(Object entry) {
        ArrayDeque<Object> entered = ENTERED.get();
        if (entered == null) {
            entered = new ArrayDeque<>(2);
            ENTERED.set(entered);
        }
        entered.push(entry);
    }

    /** Leaves what the matching {@code setValue} entered; the thread's state is then as before it. */
    private static void leave() {
        ArrayDeque<Object> entered = ENTERED.get();
        if (entered == null) {
            ENTERED.remove();
            throw new RollbackStateException("restore of the Rollback scope on thread '" + Thread.currentThread().getName()
                    + "' without a setValue before it; accepted: each restore() after the setValue() it undoes, on the"
                    + " same thread, as ContextSnapshot.setThreadLocals() does");
        }
        Object entry = entered.pop();
        if (entered.isEmpty()) {
            ENTERED.remove();
        }
        if (entry != NOTHING) {
            ((ScopeBinding.Entered) entry).leave();
        }
    }
}
