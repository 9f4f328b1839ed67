package dev.rollback.micrometer;

import java.util.Optional;

/**
 * Which way a scope was opened, read from the frames of the thread opening it: the AspectJ aspect
 * (compile-time or load-time weaving), the java agent's advice, or the programmatic API.
 */
final class WeavingRoute {

    static final String ASPECTJ = "aspectj";
    static final String AGENT = "agent";
    static final String PROGRAMMATIC = "programmatic";
    static final String UNKNOWN = "unknown";

    /** Enough to pass the listeners' own frames and the engine's; the entry point sits right above them. */
    private static final int FRAMES = 24;
    private static final StackWalker WALKER = StackWalker.getInstance();

    private WeavingRoute() {
    }

    /** @return the route of the scope this thread is opening; called from {@code onScopeStart} */
    static String ofOpeningThread() {
        Optional<String> route = WALKER.walk(frames -> frames.limit(FRAMES)
                .map(frame -> routeOf(frame.getClassName())).filter(r -> r != null).findFirst());
        return route.orElse(UNKNOWN);
    }

    /** By package: the agent's classes are relocated inside its jar ({@code dev.rollback.agent.shaded...}). */
    private static String routeOf(String className) {
        if (className.startsWith("dev.rollback.aspectj.")) {
            return ASPECTJ;
        }
        if (className.startsWith("dev.rollback.agent.")) {
            return AGENT;
        }
        return className.equals("dev.rollback.internal.ProgrammaticScopes") ? PROGRAMMATIC : null;
    }
}
