package dev.rollback.test;

/**
 * The work under test: typically one call of an orchestrator. The kit runs it several times, so it
 * must do the same compensated calls, in the same order, each time it starts from the same world.
 */
@FunctionalInterface
public interface Scenario {

    /**
     * Runs the work under test once.
     *
     * @throws Exception as the work may; a scenario that fails on its own is reported, never hidden
     */
    void run() throws Exception;
}
