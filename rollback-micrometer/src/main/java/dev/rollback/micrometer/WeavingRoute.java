package dev.rollback.micrometer;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which way a scope was opened, read from the frames of the thread opening it: the AspectJ aspect
 * (compile-time or load-time weaving), the java agent's advice, or the programmatic API. A walk
 * costs about 1.5 us, so it is done for the first scope of each operation name and remembered
 * (names are few: they are a low-cardinality key); past {@link #NAMES} names every scope walks.
 */
final class WeavingRoute {

    static final String ASPECTJ = "aspectj";
    static final String AGENT = "agent";
    static final String PROGRAMMATIC = "programmatic";
    static final String UNKNOWN = "unknown";

    /** Enough to pass the listeners' own frames and the engine's; the entry point sits right above them. */
    private static final int FRAMES = 24;
    private static final StackWalker WALKER = StackWalker.getInstance();
    static final int NAMES = 4096;
    private static final ConcurrentMap<String, String> BY_NAME = new ConcurrentHashMap<>();

    private WeavingRoute() {
    }

    /**
     * {@return its route; called from {@code onScopeStart}}
     *
     * @param name the operation name of the scope this thread is opening
     */
    static String of(String name) {
        String known = BY_NAME.get(name);
        if (known != null) {
            return known;
        }
        String route = ofOpeningThread();
        if (BY_NAME.size() < NAMES) {
            BY_NAME.putIfAbsent(name, route);
        }
        return route;
    }

    private static String ofOpeningThread() {
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
