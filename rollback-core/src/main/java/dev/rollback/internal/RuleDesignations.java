package dev.rollback.internal;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code @Compensate} methods that a rule of the agent's rules file designates, for recovery
 * (D8 allows "a rule of the agent's rules file" to designate what recovery may run). The agent's
 * bridge installs its look-up here, in each engine it serves; without the agent, or with an agent
 * started without a rules file, nothing is designated this way. Not API.
 */
public final class RuleDesignations {

    private static volatile Function<Method, CompensatePlan> lookup;

    private RuleDesignations() {
    }

    /**
     * @param rules gives the plan a compensate rule designates for a method of a class the agent
     *              transformed, or {@code null} when no rule designates it
     */
    public static void install(Function<Method, CompensatePlan> rules) {
        lookup = rules;
    }

    /**
     * @param method a method with no {@code @Compensate} annotation, of a class already loaded (so
     *               that the agent has seen it)
     * @return the plan a rule designates for it; empty when none does, or no agent serves this engine
     */
    public static Optional<CompensatePlan> plan(Method method) {
        Function<Method, CompensatePlan> rules = lookup;
        return rules == null ? Optional.empty() : Optional.ofNullable(rules.apply(method));
    }
}
