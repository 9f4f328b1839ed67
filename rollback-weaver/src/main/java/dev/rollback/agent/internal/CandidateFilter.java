package dev.rollback.agent.internal;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
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
            "dev/rollback/agent/", "dev/rollback/internal/", "dev/rollback/annotation/", "dev/rollback/aspectj/",
            "org/aspectj/", "org/slf4j/");
    private static final String CORE_PACKAGE = "dev/rollback/";

    private final ClassFileTransformer delegate;
    private final RuleSet rules;
    private final AgentLog log;

    CandidateFilter(ClassFileTransformer delegate, RuleSet rules, AgentLog log) {
        this.delegate = delegate;
        this.rules = rules;
        this.log = log;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] bytes) throws IllegalClassFormatException {
        if (!isCandidate(loader, className, bytes)) {
            return null;
        }
        if (ClassBytes.wovenByAjc(bytes)) {
            log.debug("skipping " + className.replace('/', '.') + ": AspectJ already wove it");
            return null;
        }
        return delegate.transform(module, loader, className, classBeingRedefined, domain, bytes);
    }

    boolean isCandidate(ClassLoader loader, String className, byte[] bytes) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || className == null
                || ignoredByName(className)) {
            return false;
        }
        return rules.names(className) || ClassBytes.mentionsAnnotations(bytes);
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
