package dev.rollback.samples;

import dev.rollback.agent.RollbackAgent;
import dev.rollback.annotation.WithRollback;

/** Installs the agent from inside an annotated method: that call cannot be advised any more, the next one is. */
public final class InstallInsideScopeApp {

    public static void main(String[] args) {
        InstallInsideScopeApp app = new InstallInsideScopeApp();
        Tabs tabs = new Tabs();
        for (String call : new String[]{"first call", "second call"}) {
            try {
                app.installThenFail(tabs);
            } catch (IllegalStateException e) {
                System.out.println(call + ": caught " + e.getMessage());
            }
        }
    }

    @WithRollback
    public void installThenFail(Tabs tabs) {
        RollbackAgent.install();
        tabs.open("a");
        throw new IllegalStateException("boom");
    }
}
