package dev.rollback.test;

/**
 * The failure {@link FailureInjector} throws right after the n-th compensated call of a scenario
 * returns. A scenario that catches it without rethrowing hides the failure from its orchestrators;
 * the injector still rolls back what is left and checks the world.
 */
public final class InjectedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The compensated call after which it was thrown, from 1. */
    private final int afterCall;

    /**
     * Creates the failure.
     *
     * @param afterCall the compensated call after which it was thrown, from 1
     */
    public InjectedFailure(int afterCall) {
        super("rollback-test injected this failure right after compensated call " + afterCall);
        this.afterCall = afterCall;
    }

    /** {@return the compensated call after which it was thrown, from 1} */
    public int afterCall() {
        return afterCall;
    }
}
