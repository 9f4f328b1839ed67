package dev.rollback.samples;

import dev.rollback.annotation.WithRollback;

public class Orchestrator {

    private final Tabs tabs = new Tabs();

    @WithRollback("open-two")
    public void openTwoThenFail() {
        tabs.open("a");
        tabs.open("b");
        throw new IllegalStateException("boom");
    }
}
