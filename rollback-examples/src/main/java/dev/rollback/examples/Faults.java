package dev.rollback.examples;

/**
 * Failures the demo injects on purpose: one agent fails at a step, and optionally one of its
 * compensations is broken; or the JVM halts right after a step ({@code --crash-at}), as a process
 * killed there would end.
 */
public final class Faults {

    /** No failure anywhere. */
    public static final Faults NONE = new Faults(null, null, null);

    /** The exit code of a JVM halted by {@code --crash-at}: the shell's code for a process killed by SIGKILL. */
    public static final int CRASH_EXIT_CODE = 137;

    private final String agent;
    private final Step failAt;
    private final Step brokenCompensation;
    private final Step crashAt;
    private final Console console;
    private volatile boolean armed = true;

    /**
     * @param agent              the agent that fails, or {@code null} for none
     * @param failAt             the step it fails at
     * @param brokenCompensation the step whose compensation fails too, or {@code null}
     */
    public Faults(String agent, Step failAt, Step brokenCompensation) {
        this(agent, failAt, brokenCompensation, null, null);
    }

    private Faults(String agent, Step failAt, Step brokenCompensation, Step crashAt, Console console) {
        this.agent = agent;
        this.failAt = failAt;
        this.brokenCompensation = brokenCompensation;
        this.crashAt = crashAt;
        this.console = console;
    }

    /**
     * @param agent   the agent whose creation crashes
     * @param crashAt the step after which the JVM halts
     * @param console where the crash is announced, just before it happens
     * @return faults that halt the JVM right after that step of that agent returned
     */
    static Faults crash(String agent, Step crashAt, Console console) {
        return new Faults(agent, null, null, crashAt, console);
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

    /**
     * Called right after each step returned, its record journaled: halts the JVM there for
     * {@code --crash-at}, with no shutdown hook, no finally block, nothing closed, as SIGKILL would.
     */
    void afterStep(String agentName, Step step) {
        if (armed && step == crashAt && agentName.equals(agent)) {
            console.line("  " + agentName + " crash: halting this JVM (pid " + ProcessHandle.current().pid()
                    + ") right after step " + step.cliName() + " (--crash-at " + step.cliName() + ")");
            Runtime.getRuntime().halt(CRASH_EXIT_CODE);
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
