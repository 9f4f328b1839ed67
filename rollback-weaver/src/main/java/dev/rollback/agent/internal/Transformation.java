package dev.rollback.agent.internal;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

import java.util.stream.Collectors;

/**
 * The Byte Buddy side of the agent: one {@code Advice} per annotation, built once, applied to the
 * methods {@link MethodSelection} picks. Only classes {@link CandidateFilter} lets through get here.
 *
 * <p>It redefines classes with a bare {@link ByteBuddy} rather than an {@code AgentBuilder}: the
 * filter has already decided, and the builder's own start-up and matching cost more than all of the
 * transformations of a typical application. The JDK's types are described once, in a shared pool;
 * everything else in a pool that lives for one transformation, so no class loader is kept.
 */
final class Transformation {

    private final ByteBuddy byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED)
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
            .with(Implementation.Context.Disabled.Factory.INSTANCE);
    private final TypePool jdkTypes = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(),
            ClassFileLocator.ForClassLoader.ofBootLoader(), TypePool.Default.ReaderMode.FAST);
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

    /**
     * @return the advised class file; the original when it has nothing to advise
     */
    byte[] transform(ClassLoader loader, String internalName, byte[] bytes) {
        String name = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes),
                ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), locator,
                TypePool.Default.ReaderMode.FAST, jdkTypes);
        TypeDescription type = pool.describe(name).resolve();
        ElementMatcher.Junction<MethodDescription> compensated = selection.of(Rule.Kind.COMPENSATE, type);
        ElementMatcher.Junction<MethodDescription> orchestrated = selection.of(Rule.Kind.WITH_ROLLBACK, type);
        selection.warnUnmatched(type, log);
        if (log.isDebug()) {
            log.debug("transforming " + name + ": @WithRollback " + names(type, orchestrated)
                    + ", @Compensate " + names(type, compensated));
        }
        // Compensate is visited first so that it runs outermost, as the aspects' precedence has it.
        return byteBuddy.redefine(type, locator)
                .visit(compensate.on(compensated))
                .visit(withRollback.on(orchestrated))
                .make(pool)
                .getBytes();
    }

    private static String names(TypeDescription type, ElementMatcher<MethodDescription> matcher) {
        return type.getDeclaredMethods().filter(matcher).stream().map(MethodSelection::signature)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
