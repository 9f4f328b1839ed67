package dev.rollback.samples;

/** Loads annotated classes and runs no rollback: whatever it prints on stderr, the agent printed. */
public final class QuietApp {

    private QuietApp() {
    }

    public static void main(String[] args) {
        new Tabs().open("quiet");
        System.out.println(new Orchestrator().getClass().getSimpleName() + " loaded");
    }
}
