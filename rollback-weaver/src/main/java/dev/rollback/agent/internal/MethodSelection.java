package dev.rollback.agent.internal;

import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
 * Which methods of one class get which advice: the same join points as the AspectJ pointcuts, plus
 * the methods the rules name. Annotations are matched by name, so deciding loads no class. Built
 * once per transformation, and found again by the advice's constant mappings through
 * {@link #current()}, since Byte Buddy resolves them on the same thread, while it transforms.
 */
final class MethodSelection {

    static final String WITH_ROLLBACK = "dev.rollback.annotation.WithRollback";
    static final String COMPENSATE = "dev.rollback.annotation.Compensate";

    private static final ElementMatcher.Junction<MethodDescription> BODIES = isMethod().and(not(isAbstract()))
            .and(not(isNative())).and(not(isBridge()));
    private static final ElementMatcher.Junction<MethodDescription> ANNOTATED_COMPENSATE = isAnnotatedWith(named(COMPENSATE));
    private static final ElementMatcher.Junction<MethodDescription> ANNOTATED_WITH_ROLLBACK = isAnnotatedWith(named(WITH_ROLLBACK));
    private static final ThreadLocal<MethodSelection> CURRENT = new ThreadLocal<>();

    private final TypeDescription type;
    private final ClassFileVersion classFileVersion;
    private final List<Rule> rules;
    private final ElementMatcher.Junction<MethodDescription> annotatedWithRollback;
    private final Map<MethodDescription, AdvisedMethods.Entry> compensateEntries = new IdentityHashMap<>();
    private final Map<MethodDescription, AdvisedMethods.Entry> withRollbackEntries = new IdentityHashMap<>();

    private MethodSelection(TypeDescription type, ClassFileVersion classFileVersion, RuleSet rules) {
        this.type = type;
        this.classFileVersion = classFileVersion;
        this.rules = rules.forType(type.getName());
        boolean typeAnnotated = false;
        for (AnnotationDescription annotation : type.getDeclaredAnnotations()) {
            typeAnnotated |= annotation.getAnnotationType().getName().equals(WITH_ROLLBACK);
        }
        this.annotatedWithRollback = typeAnnotated ? ANNOTATED_WITH_ROLLBACK.or(isPublic().and(not(isSynthetic())))
                : ANNOTATED_WITH_ROLLBACK;
    }

    /** Selects for a class until {@link #close()}; the constant mappings find it through {@link #current()}. */
    static MethodSelection open(TypeDescription type, ClassFileVersion classFileVersion, RuleSet rules) {
        MethodSelection selection = new MethodSelection(type, classFileVersion, rules);
        CURRENT.set(selection);
        return selection;
    }

    static MethodSelection current() {
        return CURRENT.get();
    }

    /** @return the version of the class file being transformed, which decides how the advice finds its resolution */
    ClassFileVersion classFileVersion() {
        return classFileVersion;
    }

    void close() {
        CURRENT.remove();
    }

    ElementMatcher.Junction<MethodDescription> of(Rule.Kind kind) {
        return BODIES.and(annotated(kind).or(ruled(kind)));
    }

    /** @return the advised method's entry, registered at its first constant */
    AdvisedMethods.Entry entry(Rule.Kind kind, MethodDescription method) {
        Map<MethodDescription, AdvisedMethods.Entry> entries = kind == Rule.Kind.COMPENSATE ? compensateEntries
                : withRollbackEntries;
        return entries.computeIfAbsent(method, m -> AdvisedMethods.register(type.getName(), m.getInternalName(),
                m.getDescriptor(), kind, ruleFor(kind, m)));
    }

    /** Reports, once each, the rules for this class that match none of its methods. */
    void warnUnmatched(RuleSet ruleSet, AgentLog log) {
        for (Rule rule : rules) {
            List<String> sameName = new ArrayList<>();
            boolean matched = false;
            for (MethodDescription method : type.getDeclaredMethods().filter(BODIES)) {
                matched |= matches(rule, method);
                if (method.getName().equals(rule.methodName())) {
                    sameName.add(signature(method));
                }
            }
            if (!matched) {
                ruleSet.warnUnmatched(rule, String.join(", ", sameName), log);
            }
        }
    }

    static String signature(MethodDescription method) {
        List<String> parameters = new ArrayList<>();
        for (TypeDescription parameter : method.getParameters().asTypeList().asErasures()) {
            parameters.add(parameter.getActualName());
        }
        return method.getName() + '(' + String.join(", ", parameters) + ')';
    }

    /** @return the rule that applies to a method, or {@code null} when its annotation does */
    private Rule ruleFor(Rule.Kind kind, MethodDescription method) {
        if (annotated(kind).matches(method)) {
            return null;
        }
        for (Rule rule : rules) {
            if (rule.kind() == kind && matches(rule, method)) {
                return rule;
            }
        }
        return null;
    }

    private ElementMatcher.Junction<MethodDescription> annotated(Rule.Kind kind) {
        return kind == Rule.Kind.COMPENSATE ? ANNOTATED_COMPENSATE : annotatedWithRollback;
    }

    private ElementMatcher.Junction<MethodDescription> ruled(Rule.Kind kind) {
        ElementMatcher.Junction<MethodDescription> matcher = none();
        for (Rule rule : rules) {
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
