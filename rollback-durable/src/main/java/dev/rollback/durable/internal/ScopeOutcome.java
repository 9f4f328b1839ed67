package dev.rollback.durable.internal;

/** How a scope closed. */
public enum ScopeOutcome {
    /** It returned (or committed): its steps are never compensated, unless handed over first. */
    COMMITTED,
    /** Its compensations all ran and succeeded, or it was given up after its report. */
    ROLLED_BACK
}
