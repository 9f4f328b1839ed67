package dev.rollback.durable.internal;

/**
 * Appends to one scope's chain, in the durability each kind of entry needs. Thread-safe: the
 * threads of one scope's work may append at once; the chain takes them in one order.
 */
public interface ScopeWriter {

    /** @return the scope's id */
    String scopeId();

    /**
     * Journals that a compensation succeeded; on the storage device before this returns, so before
     * the next compensation starts (D2).
     *
     * @param step the step compensated: this scope's, or one handed over to it
     * @throws IllegalStateException when the step is not this scope's, was compensated already, or
     *                               the scope is closed
     * @throws dev.rollback.durable.JournalException when the entry cannot be written or forced
     */
    void compensated(StepKey step);

    /**
     * Journals that the scope closed; on the storage device before this returns. Nothing more can
     * be appended to it.
     *
     * @param outcome how it closed
     * @throws IllegalStateException when it is closed already
     * @throws dev.rollback.durable.JournalException when the entry cannot be written or forced
     */
    void closed(ScopeOutcome outcome);
}
