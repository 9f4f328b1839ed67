package dev.rollback.examples;

import java.io.PrintWriter;

/**
 * Where the demo tells what happens, as it happens.
 */
public final class Console {

    private final PrintWriter out;

    public Console(PrintWriter out) {
        this.out = out;
    }

    void step(String agent, Step step, String what) {
        out.printf("  %-10s %-10s %s%n", agent, step.cliName(), what);
        out.flush();
    }

    void undo(String agent, Step step, String what) {
        out.printf("  %-10s %-10s undo: %s%n", agent, step.cliName(), what);
        out.flush();
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }
}
