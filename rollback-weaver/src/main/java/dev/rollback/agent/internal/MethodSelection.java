package dev.rollback.agent.internal;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.List;
import java.util.stream.Collectors;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Which methods of a class get which advice: the same join points as the AspectJ pointcuts, plus
 * the methods the rules name. Annotations are matched by name, so deciding loads no class.
 */
final class MethodSelection {

    static final String WITH_ROLLBACK = "dev.rollback.annotation.WithRollback";
    static final String COMPENSATE = "dev.rollback.annotation.Compensate";

    private static final ElementMatcher.Junction<MethodDescription> BODIES = isMethod().and(not(isAbstract()))
            .and(not(isNative())).and(not(isBridge()));

    private final RuleSet rules;

    MethodSelection(RuleSet rules) {
        this.rules = rules;
    }

    ElementMatcher.Junction<MethodDescription> of(Rule.Kind kind, TypeDescription type) {
        return BODIES.and(annotated(kind, type).or(ruled(kind, type)));
    }

    /** @return the rule that applies to a method, or {@code null} when its annotation does */
    Rule ruleFor(Rule.Kind kind, TypeDescription type, MethodDescription method) {
        if (annotated(kind, type).matches(method)) {
            return null;
        }
        return rules.forType(type.getName()).stream().filter(r -> r.kind() == kind && matches(r, method)).findFirst()
                .orElse(null);
    }

    /** Reports, once each, the rules for this class that match none of its methods. */
    void warnUnmatched(TypeDescription type, AgentLog log) {
        for (Rule rule : rules.forType(type.getName())) {
            List<MethodDescription.InDefinedShape> methods = type.getDeclaredMethods().filter(BODIES);
            if (methods.stream().noneMatch(m -> matches(rule, m))) {
                rules.warnUnmatched(rule, methods.stream().filter(m -> m.getName().equals(rule.methodName()))
                        .map(MethodSelection::signature).collect(Collectors.joining(", ")), log);
            }
        }
    }

    static String signature(MethodDescription method) {
        return method.getName() + method.getParameters().asTypeList().asErasures().stream()
                .map(TypeDescription::getActualName).collect(Collectors.joining(", ", "(", ")"));
    }

    private static ElementMatcher.Junction<MethodDescription> annotated(Rule.Kind kind, TypeDescription type) {
        if (kind == Rule.Kind.COMPENSATE) {
            return isAnnotatedWith(named(COMPENSATE));
        }
        ElementMatcher.Junction<MethodDescription> own = isAnnotatedWith(named(WITH_ROLLBACK));
        return type.getDeclaredAnnotations().stream().anyMatch(a -> a.getAnnotationType().getName().equals(WITH_ROLLBACK))
                ? own.or(isPublic().and(not(isSynthetic()))) : own;
    }

    private ElementMatcher.Junction<MethodDescription> ruled(Rule.Kind kind, TypeDescription type) {
        ElementMatcher.Junction<MethodDescription> matcher = none();
        for (Rule rule : rules.forType(type.getName())) {
            if (rule.kind() == kind) {
                ElementMatcher<MethodDescription> named = m -> matches(rule, m);
                matcher = matcher.or(named);
            }
        }
        return matcher;
    }

    private static boolean matches(Rule rule, MethodDescription method) {
        if (!method.getName().equals(rule.methodName()) || !BODIES.matches(method)) {
            return false;
        }
        if (rule.parameters() == null) {
            return true;
        }
        TypeList parameters = method.getParameters().asTypeList().asErasures();
        if (parameters.size() != rule.parameters().size()) {
            return false;
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (!parameters.get(i).getActualName().equals(rule.parameters().get(i))) {
                return false;
            }
        }
        return true;
    }
}
