package dev.rollback.agent.internal;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Makes sure that an advised class can reach, through its own class loader, an engine and the
 * agent's bridge to it ({@link Dispatch} and what it needs), before the class runs.
 *
 * <p>The engine is the application's own {@code rollback-core} wherever the class's loader sees one:
 * one engine per class loader that uses it, so the advice shares scopes, listeners and logging with
 * the application's programmatic API. The bridge is defined in the loader that defines that engine,
 * and reads the agent's table of advised methods through a JDK interface, since it cannot see the
 * agent's classes. Where no engine is visible, the agent defines its own copy in the class's loader:
 * the one that logs through the application's SLF4J when the loader sees SLF4J, else the one that
 * carries a relocated SLF4J and simple logger of its own. No third-party class is ever defined
 * under its own name.
 */
final class Injector {

    private static final String WEAVING = "dev.rollback.internal.Weaving";
    private static final String ANNOTATIONS = "dev.rollback.annotation.";
    private static final String OWN_SLF4J = "dev.rollback.agent.slf4j.";
    private static final List<Class<?>> BRIDGE = List.of(Dispatch.class, Resolutions.class, Resolver.class,
            AdvisedMethods.class, Rule.class, RecoveryRules.class);

    private final Instrumentation instrumentation;
    private final ClassSource source;
    private final AgentLog log;
    private final Map<ClassLoader, Boolean> prepared = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile Method define;

    /**
     * @param instrumentation the JVM's, to open {@code java.lang} to the agent when a class must be defined
     * @param source          where the bridge's and the engine's class files come from
     * @param log             the agent's log
     */
    Injector(Instrumentation instrumentation, ClassSource source, AgentLog log) {
        this.instrumentation = instrumentation;
        this.source = source;
        this.log = log;
    }

    /**
     * @param loader the loader of a class about to be advised
     * @throws IllegalStateException naming what the class's loader lacks, when it cannot be given it
     */
    void prepare(ClassLoader loader) {
        if (prepared.containsKey(loader)) {
            return;
        }
        // the loader's own monitor: a loader that is not parallel capable holds it while it loads the class
        synchronized (loader) {
            if (prepared.containsKey(loader)) {
                return;
            }
            Class<?> weaving = find(WEAVING, loader);
            if (weaving == null) {
                supplyEngine(loader);
                weaving = find(WEAVING, loader);
            }
            ClassLoader engineLoader = weaving.getClassLoader();
            if (engineLoader != loader) {
                synchronized (engineLoader) {
                    bridge(engineLoader);
                }
            } else {
                bridge(loader);
            }
            if (find(Dispatch.class.getName(), loader) == null) {
                throw new IllegalStateException(describe(loader) + " does not find the agent's bridge defined in "
                        + describe(engineLoader) + ", the loader of the engine it sees");
            }
            prepared.put(loader, Boolean.TRUE);
        }
    }

    private void supplyEngine(ClassLoader loader) {
        boolean ownLogging = loader.getResource("org/slf4j/LoggerFactory.class") == null;
        Map<String, byte[]> classes = new LinkedHashMap<>(source.engine(ownLogging));
        if (classes.isEmpty()) {
            throw new IllegalStateException(describe(loader) + " sees no rollback-core, and " + source.describe());
        }
        if (find(ANNOTATIONS + "Compensate", loader) != null) {
            classes.keySet().removeIf(name -> name.startsWith(ANNOTATIONS));
        }
        if (ownLogging && find(OWN_SLF4J + "LoggerFactory", loader) != null) {
            classes.keySet().removeIf(name -> name.startsWith(OWN_SLF4J));
        }
        defineAll(loader, classes);
        if (log.isDebug()) {
            log.debug("supplied Rollback's engine to " + describe(loader) + ", which has none; it logs through "
                    + (ownLogging ? "the agent's own simple logger, on standard error" : "the application's SLF4J"));
        }
    }

    private void bridge(ClassLoader engineLoader) {
        Class<?> dispatch = find(Dispatch.class.getName(), engineLoader);
        if (dispatch == null) {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (Class<?> type : BRIDGE) {
                classes.putAll(source.agentClass(type.getName()));
            }
            defineAll(engineLoader, classes);
            dispatch = find(Dispatch.class.getName(), engineLoader);
        }
        connect(find(AdvisedMethods.class.getName(), dispatch.getClassLoader()));
        installRecoveryRules(find(RecoveryRules.class.getName(), dispatch.getClassLoader()));
    }

    /** Lets recovery in that engine find the methods the rules designate (D8). */
    private static void installRecoveryRules(Class<?> recoveryRules) {
        try {
            Method install = recoveryRules.getDeclaredMethod("install");
            install.setAccessible(true);
            install.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot install the rules for recovery in " + recoveryRules.getClassLoader(), e);
        }
    }

    /** Hands the agent's table of advised methods to a bridge defined elsewhere; nothing for the agent's own. */
    private static void connect(Class<?> advisedMethods) {
        if (advisedMethods == AdvisedMethods.class) {
            return;
        }
        try {
            Method connect = advisedMethods.getDeclaredMethod("connect", IntFunction.class, ToIntFunction.class);
            connect.setAccessible(true);
            IntFunction<Object[]> table = AdvisedMethods::export;
            ToIntFunction<String> ruledIds = AdvisedMethods::ruledCompensateId;
            connect.invoke(null, table, ruledIds);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot connect the agent's bridge in " + advisedMethods.getClassLoader(), e);
        }
    }

    /** Defines classes supertypes first: defining a class resolves its supertypes through the same loader. */
    private void defineAll(ClassLoader loader, Map<String, byte[]> classes) {
        Set<String> defined = new HashSet<>();
        for (String name : classes.keySet()) {
            define(loader, name, classes, defined);
        }
    }

    private void define(ClassLoader loader, String name, Map<String, byte[]> classes, Set<String> defined) {
        if (!defined.add(name)) {
            return;
        }
        byte[] bytes = classes.get(name);
        for (String supertype : ClassSource.supertypes(bytes)) {
            String binary = supertype.replace('/', '.');
            if (classes.containsKey(binary)) {
                define(loader, binary, classes, defined);
            }
        }
        try {
            defineClass().invoke(loader, name, bytes, 0, bytes.length, null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot define " + name + " in " + describe(loader) + ": " + e.getCause(),
                    e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call ClassLoader.defineClass for " + name, e);
        }
    }

    /** Opens java.lang to the agent alone, at the first class it defines: ClassLoader.defineClass is protected. */
    private synchronized Method defineClass() {
        if (define == null) {
            instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                    Map.of("java.lang", Set.of(Injector.class.getModule())), Set.of(), Map.of());
            try {
                Method method = ClassLoader.class.getDeclaredMethod("defineClass", String.class, byte[].class, int.class,
                        int.class, ProtectionDomain.class);
                method.setAccessible(true);
                define = method;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("this JVM's ClassLoader has no defineClass(String, byte[], int, int,"
                        + " ProtectionDomain)", e);
            }
        }
        return define;
    }

    private static Class<?> find(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            return null; // not visible from this loader: the answer the caller asks for
        }
    }

    static String describe(ClassLoader loader) {
        return loader.getName() != null ? "class loader '" + loader.getName() + "'" : "class loader " + loader;
    }
}
