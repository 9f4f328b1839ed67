package dev.rollback.agent;

import dev.rollback.agent.boot.AgentBootstrap;
import dev.rollback.agent.internal.AgentInstaller;

/**
 * Attaches the Rollback agent to the running JVM, for applications that cannot add
 * {@code -javaagent} to their command line (plugins, embedded runtimes).
 *
 * <pre>
 * RollbackAgent.install("rules=/etc/acme/rollback.rules");
 * new Orchestrator().createAgent("agent-7");   // now rolls back like a woven class
 * </pre>
 *
 * <p>Classes already loaded are retransformed; a class that cannot be (or an advised method running
 * at that moment on the installing thread) is named in a warning on standard error. Installing
 * twice, or after the JVM was started with the agent, changes nothing. On JDK 21 and later the JVM
 * must be started with {@code -XX:+EnableDynamicAgentLoading}, or it prints a warning when the agent
 * attaches.
 *
 * <p>It reaches only the JVM it runs in, and only from the moment it is called: a test JVM that never
 * runs the application's {@code main} is not covered by a call there (give the test JVM
 * {@code -javaagent}; the weaver's README has the Surefire recipe).
 *
 * <p>Use it with the agent jar ({@code rollback-weaver} with classifier {@code agent}) on the class
 * path, or with the plain {@code rollback-weaver} jar plus {@code net.bytebuddy:byte-buddy} and
 * {@code net.bytebuddy:byte-buddy-agent}.
 */
public final class RollbackAgent {

    private RollbackAgent() {
    }

    /**
     * Installs the agent with no options.
     *
     * @throws IllegalStateException when the JVM does not allow attaching an agent
     */
    public static void install() {
        install("");
    }

    /**
     * Installs the agent.
     *
     * @param options the same options as after {@code -javaagent:...=}, for example
     *                {@code "rules=/path/to/rules,debug"}; empty for none
     * @throws IllegalArgumentException when the options or the rules file are malformed; the
     *                                  message names the file, the line and what was expected
     * @throws IllegalStateException    when the JVM does not allow attaching an agent
     */
    public static void install(String options) {
        if (AgentBootstrap.available()) {
            AgentBootstrap.attach(options);
        } else {
            AgentInstaller.attach(options);
        }
    }
}
