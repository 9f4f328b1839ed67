package dev.rollback.durable.internal;

/** The chain of a scope this process opened and runs: what the engine's hooks append to. */
public interface LiveScope extends ScopeWriter {

    /**
     * Journals a {@code @Compensate} call's intent; on the storage device before this returns, so
     * before the call's body runs (D1).
     *
     * @param intent the call
     * @return its step number in this scope, from 1
     * @throws IllegalStateException when the scope is closed
     * @throws dev.rollback.durable.JournalException when the entry cannot be written or forced
     */
    int intent(StepIntent intent);

    /**
     * Journals that the call returned, with its result; on the storage device before this returns,
     * so before the call returns to its caller (D1).
     *
     * @param step   the number {@link #intent} gave
     * @param result the result, encoded by {@link dev.rollback.durable.internal.codec.ValueCodec}
     * @return the step's key
     * @throws IllegalStateException when the step has no intent or a record already, or the scope is closed
     * @throws dev.rollback.durable.JournalException when the entry cannot be written or forced
     */
    StepKey recorded(int step, String result);

    /**
     * Journals that this nested scope completed and its steps not compensated now belong to the
     * scope it was opened in; closes it.
     *
     * @throws IllegalStateException when it was opened in no durable scope, or is closed
     * @throws dev.rollback.durable.JournalException when the entry cannot be written
     */
    void handedOver();
}
