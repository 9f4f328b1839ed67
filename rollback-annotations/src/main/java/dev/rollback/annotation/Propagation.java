package dev.rollback.annotation;

/**
 * How a scope opened while another is already open on the same thread relates to it.
 */
public enum Propagation {

    /**
     * The default. A nested scope that fails compensates its own records only, then rethrows; one
     * that succeeds hands its records to the enclosing scope, so that they are undone if the
     * enclosing scope fails later.
     */
    NESTED,

    /**
     * The nested scope is independent: when it succeeds its records are forgotten, and a later
     * failure of the enclosing scope does not undo them. When it fails it compensates its own
     * records, like {@link #NESTED}.
     */
    REQUIRES_NEW
}
