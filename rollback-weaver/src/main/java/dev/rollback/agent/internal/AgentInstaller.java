package dev.rollback.agent.internal;

import net.bytebuddy.agent.ByteBuddyAgent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the agent: at JVM start ({@code -javaagent}), when attached ({@code Agent-Class}), or
 * from {@link dev.rollback.agent.RollbackAgent#install}.
 */
public final class AgentInstaller {

    /**
     * Marks the JVM as instrumented. A system property rather than a static field, because the
     * plain jar's copy of this class and the agent jar's copy do not share statics, and two
     * installations would record every compensation twice.
     */
    private static final String INSTALLED = "dev.rollback.agent.installed";
    /** Relocated along with Byte Buddy in the agent jar: keeps JDK 24+ from warning about sun.misc.Unsafe. */
    private static final String BYTE_BUDDY_SAFE = "net.bytebuddy.safe";

    private AgentInstaller() {
    }

    /** At JVM start, a malformed configuration stops the JVM: running on without its rollbacks would be worse. */
    static void atStart(String options, Instrumentation instrumentation, ClassSource source) {
        try {
            install(options, instrumentation, source);
        } catch (AgentConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Attaches the plain jar's agent, whose bridge and engine are on the class path.
     *
     * @param options the agent options
     * @throws AgentConfigurationException when the options or the rules file are malformed
     * @throws IllegalStateException       when the JVM does not allow attaching an agent
     */
    public static void attach(String options) {
        attach(options, ClassSource.ofClassPath());
    }

    static void attach(String options, ClassSource source) {
        if (System.getProperty(INSTALLED) == null) {
            install(options, ByteBuddyAgent.install(), source);
        }
    }

    static synchronized void install(String options, Instrumentation instrumentation, ClassSource source) {
        if (System.getProperty(INSTALLED) != null) {
            return;
        }
        AgentOptions parsed = AgentOptions.parse(options);
        AgentLog log = new AgentLog(parsed.debug());
        RuleSet rules = parsed.rules().isPresent() ? new RuleSet(RulesParser.parse(parsed.rules().get())) : RuleSet.NONE;
        if (System.getProperty(BYTE_BUDDY_SAFE) == null) {
            System.setProperty(BYTE_BUDDY_SAFE, "true");
        }
        CandidateFilter filter = new CandidateFilter(rules, new Injector(instrumentation, source, log), log);
        instrumentation.addTransformer(filter, true);
        System.setProperty(INSTALLED, "true");
        rules.reportNeverLoadedAtExit(log);
        retransformLoadedCandidates(instrumentation, filter, log);
    }

    /** Classes loaded before an attach are advised too; at JVM start this finds none to advise. */
    private static void retransformLoadedCandidates(Instrumentation instrumentation, CandidateFilter filter, AgentLog log) {
        List<Class<?>> candidates = new ArrayList<>();
        List<String> unmodifiable = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            String internalName = type.getName().replace('.', '/');
            if (!type.isArray() && !type.isHidden() && filter.mayConsider(type.getClassLoader(), internalName)
                    && filter.isCandidate(type.getClassLoader(), internalName, bytesOf(type, internalName))) {
                if (instrumentation.isModifiableClass(type)) {
                    candidates.add(type);
                } else {
                    unmodifiable.add(type.getName());
                }
            }
        }
        if (!unmodifiable.isEmpty()) {
            log.warn(unmodifiable.size() + " class(es) loaded before the agent cannot be advised, the JVM does not let"
                    + " them be changed; their methods run without rollback: " + unmodifiable);
        }
        if (candidates.isEmpty()) {
            return;
        }
        if (log.isDebug()) {
            log.debug("retransforming " + candidates.size() + " class(es) loaded before the agent");
        }
        try {
            instrumentation.retransformClasses(candidates.toArray(new Class<?>[0]));
        } catch (UnmodifiableClassException e) {
            throw new IllegalStateException("the JVM refused to retransform " + candidates + ": " + e.getMessage(), e);
        }
        RunningCalls.warnAboutAdvisedMethodsOnThisStack(log);
    }

    private static byte[] bytesOf(Class<?> type, String internalName) {
        String resource = internalName + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + " to decide whether to advise it: " + e, e);
        }
    }
}
