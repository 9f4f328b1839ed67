package dev.rollback.it.uber;

import dev.rollback.it.app.Provisioning;

import java.nio.file.Path;

/** The same orchestrator in a plain shaded jar, with its own SLF4J and Logback inside. */
public final class UberApp {

    private UberApp() {
    }

    public static void main(String[] args) {
        new Provisioning().report(Path.of(args[0]));
    }
}
