package dev.rollback.agent.internal;

import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeInitializer;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.auxiliary.AuxiliaryType;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

import java.util.stream.Collectors;

/**
 * The Byte Buddy side of the agent: one {@code Advice} per annotation, built once, applied to the
 * methods {@link MethodSelection} picks. Only classes {@link CandidateFilter} lets through get here.
 *
 * <p>It applies the advice's class visitor straight to the class file, without an
 * {@code AgentBuilder} or a {@code ByteBuddy} type writer: the filter has already decided, the
 * advice changes method bodies only, and the machinery around it cost more at start-up than the
 * advice itself. The JDK's and the annotations' types are described once, in a shared pool;
 * everything else in a pool that lives for one transformation, so that no class loader is kept.
 */
final class Transformation {

    private static final AuxiliaryType.NamingStrategy NO_AUXILIARY_TYPES = new AuxiliaryType.NamingStrategy.Suffixing("rollback");

    /** By name, from the class file: C5 follows the declared return type, and no class is loaded to match it. */
    private static final ElementMatcher.Junction<MethodDescription> RETURNS_STAGE = ElementMatchers.returns(
            ElementMatchers.named("java.util.concurrent.CompletionStage")
                    .or(ElementMatchers.named("java.util.concurrent.CompletableFuture")));

    private final TypePool sharedTypes = SharedTypes.pool();
    private final RuleSet rules;
    private final AgentLog log;
    private final Advice withRollback;
    private final Advice withRollbackAsync;
    private final Advice compensate;
    private final Advice compensateOneArgument;

    Transformation(RuleSet rules, AgentLog log) {
        this.rules = rules;
        this.log = log;
        this.withRollback = advice(WithRollbackAdvice.class, WithRollbackAdvice.class, Rule.Kind.WITH_ROLLBACK);
        this.withRollbackAsync = advice(WithRollbackAdvice.class, WithRollbackAdvice.Async.class, Rule.Kind.WITH_ROLLBACK);
        this.compensate = advice(CompensateAdvice.class, CompensateAdvice.Exit.class, Rule.Kind.COMPENSATE);
        this.compensateOneArgument = advice(CompensateAdvice.class, CompensateAdvice.OneArgument.class, Rule.Kind.COMPENSATE);
    }

    private Advice advice(Class<?> enter, Class<?> exit, Rule.Kind kind) {
        return Advice.withCustomMapping().bind(new ResolutionMapping(kind)).to(enter, exit);
    }

    /**
     * @return the advised class file, or {@code null} when the class has nothing to advise (it only
     *         mentioned an annotation, or its rules match none of its methods)
     */
    byte[] transform(ClassLoader loader, String internalName, byte[] bytes) {
        String name = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes),
                ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), locator,
                TypePool.Default.ReaderMode.FAST, sharedTypes);
        TypeDescription type = pool.describe(name).resolve();
        MethodSelection selection = MethodSelection.open(type, ClassFileVersion.ofClassFile(bytes), rules);
        try {
            return transform(type, selection, pool, bytes);
        } finally {
            selection.close();
        }
    }

    private byte[] transform(TypeDescription type, MethodSelection selection, TypePool pool, byte[] bytes) {
        ElementMatcher.Junction<MethodDescription> compensated = selection.of(Rule.Kind.COMPENSATE);
        ElementMatcher.Junction<MethodDescription> orchestrated = selection.of(Rule.Kind.WITH_ROLLBACK);
        selection.warnUnmatched(rules, log);
        if (type.getDeclaredMethods().filter(compensated.or(orchestrated)).isEmpty()) {
            return null;
        }
        if (log.isDebug()) {
            log.debug("transforming " + type.getName() + ": @WithRollback " + names(type, orchestrated)
                    + ", @Compensate " + names(type, compensated));
        }
        // Compensate comes first so that it runs outermost, as the aspects' precedence has it.
        AsmVisitorWrapper advice = new AsmVisitorWrapper.Compound(
                compensateOneArgument.on(compensated.and(ElementMatchers.takesArguments(1))),
                compensate.on(compensated.and(ElementMatchers.not(ElementMatchers.takesArguments(1)))),
                withRollback.on(orchestrated.and(ElementMatchers.not(RETURNS_STAGE))),
                withRollbackAsync.on(orchestrated.and(RETURNS_STAGE)));
        int writerFlags = advice.mergeWriter(0);
        int readerFlags = advice.mergeReader(0);
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, writerFlags);
        ClassFileVersion version = ClassFileVersion.ofClassFile(bytes);
        Implementation.Context context = Implementation.Context.Disabled.Factory.INSTANCE.make(type, NO_AUXILIARY_TYPES,
                TypeInitializer.None.INSTANCE, version, version);
        reader.accept(advice.wrap(type, writer, context, pool, type.getDeclaredFields(), type.getDeclaredMethods(),
                writerFlags, readerFlags), readerFlags);
        return writer.toByteArray();
    }

    private static String names(TypeDescription type, ElementMatcher<MethodDescription> matcher) {
        return type.getDeclaredMethods().filter(matcher).stream().map(MethodSelection::signature)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
