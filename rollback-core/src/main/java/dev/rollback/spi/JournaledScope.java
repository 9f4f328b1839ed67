package dev.rollback.spi;

import java.lang.reflect.Method;

/**
 * One durable scope as its {@link ScopeJournal} holds it. The engine calls, in this order: an
 * {@link #intent} before each {@code @Compensate} call's body (and, on the step it returns,
 * {@link JournaledStep#recorded} after the call returned, or {@link JournaledStep#abandoned} when it
 * threw); while rolling back, {@link JournaledStep#compensated} after each compensation that
 * succeeded, before the next starts; and exactly one of {@link #committed}, {@link #handedOver} or
 * {@link #rolledBack} as the scope settles. Any method may be called from any thread of the scope's
 * work.
 */
public interface JournaledScope {

    /**
     * Journals a {@code @Compensate} call's intent, durably, before its body runs (D1).
     *
     * @param method        the {@code @Compensate} method
     * @param arguments     the call's arguments, one per parameter
     * @param priority      its {@code priority}
     * @param timeoutMillis its {@code timeoutMillis}
     * @param retries       its {@code retries}
     * @return the step, for the call's record
     * @throws dev.rollback.CompensationConfigurationException when a parameter's or the return type
     *                                                          cannot be journaled (D4); the body
     *                                                          does not run
     */
    JournaledStep intent(Method method, Object[] arguments, int priority, long timeoutMillis, int retries);

    /** Journals that the scope committed as outermost or {@code REQUIRES_NEW}: none of its steps is undone. */
    void committed();

    /** Journals that this nested scope succeeded and its steps now belong to its durable parent. */
    void handedOver();

    /** Journals that the scope's rollback has run (complete or not: its report says which). */
    void rolledBack();
}
