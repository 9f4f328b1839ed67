package dev.rollback.examples;

/**
 * Failures the demo injects on purpose: one agent fails at a step, and optionally one of its
 * compensations is broken.
 */
public final class Faults {

    /** No failure anywhere. */
    public static final Faults NONE = new Faults(null, null, null);

    private final String agent;
    private final Step failAt;
    private final Step brokenCompensation;
    private volatile boolean armed = true;

    /**
     * @param agent              the agent that fails, or {@code null} for none
     * @param failAt             the step it fails at
     * @param brokenCompensation the step whose compensation fails too, or {@code null}
     */
    public Faults(String agent, Step failAt, Step brokenCompensation) {
        this.agent = agent;
        this.failAt = failAt;
        this.brokenCompensation = brokenCompensation;
    }

    /** Stops injecting: what follows (the clean-up of leftovers) must work. */
    void disarm() {
        armed = false;
    }

    /** Called first thing in each step: the injected failure happens before anything is acquired. */
    void beforeStep(String agentName, Step step) {
        if (armed && step == failAt && agentName.equals(agent)) {
            throw new InjectedFailure("injected failure at step " + step.cliName() + " of " + agentName + " (--fail-at "
                    + step.cliName() + ")");
        }
    }

    /** Called first thing in each compensation. */
    void beforeCompensation(String agentName, Step step) {
        if (armed && step == brokenCompensation && agentName.equals(agent)) {
            throw new InjectedFailure("compensation of step " + step.cliName() + " of " + agentName
                    + " broken on purpose (--break-compensation " + step.cliName() + ")");
        }
    }

    /** An injected failure: thrown on purpose, to show the rollback. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }
}
