package dev.rollback;

/**
 * How one compensation ended.
 */
public enum Outcome {

    /** The compensation returned normally (possibly after retries). */
    SUCCEEDED,

    /** Every attempt threw; {@link CompensationResult#error()} holds the last failure. */
    FAILED,

    /**
     * The attempt did not finish within its {@code timeoutMillis}; its worker thread was
     * interrupted and abandoned. It is never counted as a success.
     */
    TIMED_OUT
}
