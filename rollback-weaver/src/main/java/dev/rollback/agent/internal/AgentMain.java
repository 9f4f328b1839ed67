package dev.rollback.agent.internal;

import java.lang.instrument.Instrumentation;

/** The agent jar's {@code Premain-Class} and {@code Agent-Class}. */
public final class AgentMain {

    private AgentMain() {
    }

    /**
     * @param options         what follows {@code =} in {@code -javaagent:...=options}
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String options, Instrumentation instrumentation) {
        AgentInstaller.atStart(options, instrumentation);
    }

    /**
     * @param options         the options given when attaching
     * @param instrumentation the JVM's instrumentation
     */
    public static void agentmain(String options, Instrumentation instrumentation) {
        AgentInstaller.install(options, instrumentation);
    }
}
