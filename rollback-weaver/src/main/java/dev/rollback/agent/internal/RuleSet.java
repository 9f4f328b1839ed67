package dev.rollback.agent.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules of a rules file, by class; which of those classes some class loader loaded; and which
 * rules have already been reported as naming a method or class that does not exist (each is reported
 * once, however often its class is loaded).
 */
final class RuleSet {

    static final RuleSet NONE = new RuleSet(List.of());

    private final Map<String, List<Rule>> byType;
    private final Set<String> internalNames;
    private final Set<Rule> reported = ConcurrentHashMap.newKeySet();
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();

    // Loops rather than streams here and below: this runs in premain, where the first lambda would
    // start the JVM's invokedynamic machinery for an application that may never use it.
    RuleSet(List<Rule> rules) {
        Map<String, List<Rule>> grouped = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Rule rule : rules) {
            List<Rule> forType = grouped.get(rule.typeName());
            if (forType == null) {
                forType = new ArrayList<>();
                grouped.put(rule.typeName(), forType);
            }
            forType.add(rule);
            names.add(rule.typeName().replace('.', '/'));
        }
        this.byType = grouped;
        this.internalNames = names;
    }


    /** @param internalName a class name with slashes, as class-file transformers receive it */
    boolean names(String internalName) {
        return internalNames.contains(internalName);
    }

    List<Rule> forType(String typeName) {
        return byType.getOrDefault(typeName, List.of());
    }

    /** @param internalName a class a rule names, which some class loader is loading */
    void loaded(String internalName) {
        loaded.add(internalName);
    }

    /**
     * Reports, when the JVM exits, the classes the rules name that no class loader ever loaded. Not
     * at start: a class in a nested jar or a class loader created later (a Spring Boot jar's
     * {@code BOOT-INF/lib}, a web application) is not on the class path then, and is advised all the same.
     */
    void reportNeverLoadedAtExit(AgentLog log) {
        if (byType.isEmpty()) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> reportNeverLoaded(log), "rollback-agent-rules-report"));
    }

    /** Warns, once per class, that a class the rules name was not loaded while the agent ran. */
    void reportNeverLoaded(AgentLog log) {
        for (Map.Entry<String, List<Rule>> type : byType.entrySet()) {
            List<Rule> rules = type.getValue();
            if (!loaded.contains(type.getKey().replace('.', '/')) && reported.add(rules.get(0))) {
                log.warn(rules.get(0).location() + ": class " + type.getKey() + " was never loaded while the agent ran;"
                        + " its " + rules.size() + " rule(s) applied to nothing");
            }
        }
    }

    /** Warns, once per rule, that the class it names has no method it can apply to. */
    void warnUnmatched(Rule rule, String candidates, AgentLog log) {
        if (reported.add(rule)) {
            log.warn(rule.location() + ": " + rule.kind().keyword + " " + rule.target() + " matches no method of "
                    + rule.typeName() + " that " + rule.kind().annotation + " could apply to; "
                    + (candidates.isEmpty() ? "it has no method named " + rule.methodName()
                    : "found: " + candidates));
        }
    }
}
