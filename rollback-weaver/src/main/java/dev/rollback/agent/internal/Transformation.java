package dev.rollback.agent.internal;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import java.lang.instrument.ClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

import java.util.stream.Collectors;

/**
 * The Byte Buddy side of the agent: one {@code Advice} per annotation, built once, applied to the
 * methods {@link MethodSelection} picks. Only classes {@link CandidateFilter} lets through get here.
 */
final class Transformation {

    private final MethodSelection selection;
    private final AgentLog log;
    private final Advice withRollback;
    private final Advice compensate;

    Transformation(RuleSet rules, AgentLog log) {
        this.selection = new MethodSelection(rules);
        this.log = log;
        this.withRollback = advice(WithRollbackAdvice.class, Rule.Kind.WITH_ROLLBACK);
        this.compensate = advice(CompensateAdvice.class, Rule.Kind.COMPENSATE);
    }

    private Advice advice(Class<?> adviceClass, Rule.Kind kind) {
        return Advice.withCustomMapping()
                .bind(new AdvisedMethodMapping<>(AdvisedMethodId.class, kind, selection, AdvisedMethods.Entry::id))
                .bind(new AdvisedMethodMapping<>(AdvisedMethodIndex.class, kind, selection, AdvisedMethods.Entry::index))
                .to(adviceClass);
    }

    /** @return the transformer; it transforms every class it is given, so filter before calling it */
    ClassFileTransformer transformer() {
        return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(new ErrorListener(log))
                .ignore(ElementMatchers.none())
                .type(ElementMatchers.any())
                .transform(this::transform)
                .makeRaw();
    }

    private DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
                                             JavaModule module, java.security.ProtectionDomain domain) {
        ElementMatcher.Junction<MethodDescription> compensated = selection.of(Rule.Kind.COMPENSATE, type);
        ElementMatcher.Junction<MethodDescription> orchestrated = selection.of(Rule.Kind.WITH_ROLLBACK, type);
        selection.warnUnmatched(type, log);
        if (log.isDebug()) {
            log.debug("transforming " + type.getName() + ": @WithRollback " + names(type, orchestrated)
                    + ", @Compensate " + names(type, compensated));
        }
        // Compensate is visited first so that it runs outermost, as the aspects' precedence has it.
        return builder.visit(compensate.on(compensated)).visit(withRollback.on(orchestrated));
    }

    private static String names(TypeDescription type, ElementMatcher<MethodDescription> matcher) {
        return type.getDeclaredMethods().filter(matcher).stream().map(MethodSelection::signature)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Reports every transformation that failed: the JVM would otherwise drop the error silently. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {

        private final AgentLog log;

        ErrorListener(AgentLog log) {
            this.log = log;
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable error) {
            log.error("could not transform " + typeName + "; its @WithRollback and @Compensate methods run"
                    + " without rollback", error);
        }
    }
}
