package dev.rollback.agent.internal;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * Decides from the class name and bytes alone which classes Byte Buddy gets to parse: never the
 * JDK's, the bootstrap or platform loader's, or the library's own; only those that mention the
 * annotations or that a rule names; and never one AspectJ already wove, whose compensations would
 * otherwise be recorded twice.
 */
final class CandidateFilter implements ClassFileTransformer {

    /** The library's own packages, named exactly: users' packages may start with dev.rollback too. */
    private static final List<String> IGNORED_PREFIXES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/",
            "dev/rollback/agent/", "dev/rollback/internal/", "dev/rollback/spi/", "dev/rollback/annotation/", "dev/rollback/aspectj/",
            "dev/rollback/durable/",
            "org/aspectj/", "org/slf4j/");
    private static final String CORE_PACKAGE = "dev/rollback/";

    private final RuleSet rules;
    private final Injector injector;
    private final AgentLog log;
    /** Built at the first candidate: an application that uses no annotation never pays for Byte Buddy. */
    private volatile Transformation transformation;

    CandidateFilter(RuleSet rules, Injector injector, AgentLog log) {
        this.rules = rules;
        this.injector = injector;
        this.log = log;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (!isCandidate(loader, className, bytes)) {
            return null;
        }
        if (rules.names(className)) {
            rules.loaded(className);
        }
        if (ClassBytes.wovenByAjc(bytes)) {
            if (log.isDebug()) {
                log.debug("skipping " + className.replace('/', '.') + ": AspectJ already wove it");
            }
            return null;
        }
        try {
            byte[] advised = transformation().transform(loader, className, bytes);
            if (advised != null) {
                injector.prepare(loader);
            }
            return advised;
        } catch (RuntimeException | Error e) {
            // The JVM would drop this silently and load the class unadvised: say so, loudly.
            log.error("could not transform " + className.replace('/', '.') + "; its @WithRollback and @Compensate"
                    + " methods run without rollback", e);
            return null;
        }
    }

    private Transformation transformation() {
        Transformation current = transformation;
        if (current == null) {
            synchronized (this) {
                current = transformation;
                if (current == null) {
                    current = new Transformation(rules, log);
                    transformation = current;
                }
            }
        }
        return current;
    }

    boolean isCandidate(ClassLoader loader, String className, byte[] bytes) {
        return mayConsider(loader, className) && (rules.names(className) || ClassBytes.mentionsAnnotations(bytes));
    }

    /** @return whether the class is worth reading: the loader and the name alone can rule it out */
    boolean mayConsider(ClassLoader loader, String className) {
        return loader != null && loader != ClassLoader.getPlatformClassLoader() && className != null
                && !ignoredByName(className);
    }

    static boolean ignoredByName(String internalName) {
        for (String prefix : IGNORED_PREFIXES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return internalName.startsWith(CORE_PACKAGE) && internalName.indexOf('/', CORE_PACKAGE.length()) < 0;
    }
}
