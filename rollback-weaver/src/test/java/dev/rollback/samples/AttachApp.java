package dev.rollback.samples;

import dev.rollback.agent.RollbackAgent;

/** Runs the same failing scope before and after attaching the agent to itself. */
public final class AttachApp {

    private AttachApp() {
    }

    public static void main(String[] args) {
        Orchestrator orchestrator = new Orchestrator();
        failOnce(orchestrator, "before install");
        RollbackAgent.install(args.length > 0 ? args[0] : "");
        failOnce(orchestrator, "after install");
    }

    static void failOnce(Orchestrator orchestrator, String when) {
        try {
            orchestrator.openTwoThenFail();
        } catch (IllegalStateException e) {
            System.out.println(when + ": caught " + e.getMessage());
        }
    }
}
