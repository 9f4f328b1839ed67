package dev.rollback.agent.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules of a rules file, by class, and which of them have already been reported as naming a
 * method that does not exist (each is reported once, however often its class is loaded).
 */
final class RuleSet {

    static final RuleSet NONE = new RuleSet(List.of());

    private final Map<String, List<Rule>> byType;
    private final Set<String> internalNames;
    private final Set<Rule> reported = ConcurrentHashMap.newKeySet();

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

    /**
     * Warns about the classes no rule can apply to yet: those the system class loader cannot see.
     * Only a warning, because they may come from a class loader created later.
     */
    void warnAboutClassesNotOnTheClassPath(AgentLog log) {
        for (Map.Entry<String, List<Rule>> type : byType.entrySet()) {
            String typeName = type.getKey();
            List<Rule> rules = type.getValue();
            if (ClassLoader.getSystemResource(typeName.replace('.', '/') + ".class") == null) {
                reported.addAll(rules);
                log.warn(rules.get(0).location() + ": class " + typeName + " is not on the class path; its "
                        + rules.size() + " rule(s) apply only if a class loader loads it later");
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
