package dev.rollback.spi;

/** One {@code @Compensate} call of a durable scope, journaled by {@link JournaledScope#intent}. */
public interface JournaledStep {

    /**
     * Journals that the call returned, with its result, durably, before the call returns (D1).
     *
     * @param result what the call returned (boxed), or {@code null}
     * @throws IllegalArgumentException when the result does not fit its declared type
     */
    void recorded(Object result);

    /** Journals that the call threw: there is nothing to undo for it. */
    void abandoned();

    /** Journals, durably, that its compensation succeeded: it never runs again (D2). */
    void compensated();

    /** {@return its idempotency key (D6): the same live and in every recovery} */
    String idempotencyKey();
}
