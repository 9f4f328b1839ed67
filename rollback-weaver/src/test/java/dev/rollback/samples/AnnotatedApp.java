package dev.rollback.samples;

import dev.rollback.Rollback;

/** Fails a scope after two recorded calls, then makes a call with no scope open. */
public final class AnnotatedApp {

    private AnnotatedApp() {
    }

    public static void main(String[] args) {
        try {
            new Orchestrator().openTwoThenFail();
        } catch (IllegalStateException e) {
            System.out.println("caught " + e.getMessage());
        }
        System.out.println("scope open: " + Rollback.current().isPresent());
        new Tabs().open("outside");
        System.out.println("done");
    }
}
