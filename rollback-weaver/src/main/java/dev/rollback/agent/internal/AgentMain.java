package dev.rollback.agent.internal;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/** Where the agent jar's bootstrap hands over, inside the agent's own class loader. */
public final class AgentMain {

    private AgentMain() {
    }

    /**
     * @param options         what follows {@code =} in {@code -javaagent:...=options}
     * @param instrumentation the JVM's instrumentation
     * @param agentJar        the agent jar, which holds the classes the agent supplies to applications
     */
    public static void premain(String options, Instrumentation instrumentation, Path agentJar) {
        AgentInstaller.atStart(options, instrumentation, ClassSource.of(agentJar));
    }

    /**
     * @param options         the options given when attaching
     * @param instrumentation the JVM's instrumentation
     * @param agentJar        the agent jar
     */
    public static void agentmain(String options, Instrumentation instrumentation, Path agentJar) {
        AgentInstaller.install(options, instrumentation, ClassSource.of(agentJar));
    }

    /**
     * @param options         the agent options
     * @param instrumentation unused: the agent attaches itself to get one
     * @param agentJar        the agent jar
     */
    public static void attach(String options, Instrumentation instrumentation, Path agentJar) {
        AgentInstaller.attach(options, ClassSource.of(agentJar));
    }
}
