package dev.rollback.agent.boot;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The agent jar's {@code Premain-Class} and {@code Agent-Class}: hands over, at once, to the agent's
 * implementation in its own {@link AgentClassLoader}.
 */
public final class AgentBootstrap {

    private static final String MAIN = "dev.rollback.agent.shaded.internal.AgentMain";
    /** An entry only the agent jar has: the plain rollback-weaver jar carries these classes too. */
    private static final String MARKER = AgentClassLoader.PREFIX + MAIN.replace('.', '/') + ".classdata";

    private static AgentClassLoader loader;

    private AgentBootstrap() {
    }

    /**
     * @param options         what follows {@code =} in {@code -javaagent:...=options}
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String options, Instrumentation instrumentation) {
        call("premain", options, instrumentation);
    }

    /**
     * @param options         the options given when attaching
     * @param instrumentation the JVM's instrumentation
     */
    public static void agentmain(String options, Instrumentation instrumentation) {
        call("agentmain", options, instrumentation);
    }

    /** @return whether the agent jar is on the class path, so that {@link #attach} can be used */
    public static boolean available() {
        return AgentBootstrap.class.getClassLoader().getResource(MARKER) != null;
    }

    /**
     * Attaches the agent of the agent jar on the class path to this JVM.
     *
     * @param options the agent options
     */
    public static void attach(String options) {
        call("attach", options, null);
    }

    private static void call(String method, String options, Instrumentation instrumentation) {
        try {
            Class<?> main = Class.forName(MAIN, true, loader());
            Method entry = main.getMethod(method, String.class, Instrumentation.class, Path.class);
            entry.invoke(null, options, instrumentation, agentJar());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the Rollback agent failed to start: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Rollback agent jar " + agentJar() + " is incomplete: " + e, e);
        }
    }

    private static synchronized ClassLoader loader() {
        if (loader == null) {
            try {
                loader = new AgentClassLoader(agentJar());
            } catch (IOException e) {
                throw new IllegalStateException("cannot open the Rollback agent jar " + agentJar() + ": " + e, e);
            }
        }
        return loader;
    }

    /** @return the jar holding the agent's implementation, found by its marker entry */
    static Path agentJar() {
        URL marker = AgentBootstrap.class.getClassLoader().getResource(MARKER);
        if (marker == null || !marker.getProtocol().equals("jar")) {
            throw new IllegalStateException("no Rollback agent jar on the class path: " + MARKER + " not found");
        }
        String path = marker.getPath();
        try {
            return Path.of(new URL(path.substring(0, path.indexOf("!/"))).toURI());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot locate the Rollback agent jar from " + marker + ": " + e, e);
        }
    }
}
