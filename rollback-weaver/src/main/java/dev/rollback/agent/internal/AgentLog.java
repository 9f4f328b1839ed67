package dev.rollback.agent.internal;

import java.io.PrintStream;

/**
 * The agent's own messages, written straight to standard error: they are printed while classes
 * are being transformed, where starting a logging framework would load (and transform) classes
 * from inside a transformer.
 */
final class AgentLog {

    private static final String PREFIX = "[rollback-agent] ";

    private final boolean debug;

    AgentLog(boolean debug) {
        this.debug = debug;
    }

    boolean isDebug() {
        return debug;
    }

    void debug(String message) {
        if (debug) {
            print("DEBUG " + message);
        }
    }

    void warn(String message) {
        print("WARN " + message);
    }

    void error(String message, Throwable error) {
        PrintStream err = System.err;
        synchronized (err) {
            err.println(PREFIX + "ERROR " + message);
            error.printStackTrace(err);
        }
    }

    private static void print(String line) {
        System.err.println(PREFIX + line);
    }
}
