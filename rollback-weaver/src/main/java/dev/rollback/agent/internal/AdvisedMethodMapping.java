package dev.rollback.agent.internal;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

import java.lang.annotation.Annotation;
import java.util.function.ToIntFunction;

/**
 * Resolves {@link AdvisedMethodId} and {@link AdvisedMethodIndex} to int constants, registering
 * the advised method when its advice is inlined, so that one {@code Advice} object serves every
 * method.
 *
 * @param <A> the parameter annotation
 */
final class AdvisedMethodMapping<A extends Annotation> implements Advice.OffsetMapping.Factory<A> {

    private final Class<A> annotation;
    private final Rule.Kind kind;
    private final ToIntFunction<AdvisedMethods.Entry> value;

    AdvisedMethodMapping(Class<A> annotation, Rule.Kind kind, ToIntFunction<AdvisedMethods.Entry> value) {
        this.annotation = annotation;
        this.kind = kind;
        this.value = value;
    }

    @Override
    public Class<A> getAnnotationType() {
        return annotation;
    }

    @Override
    public Advice.OffsetMapping make(ParameterDescription.InDefinedShape target, AnnotationDescription.Loadable<A> loadable,
                                     AdviceType adviceType) {
        return (TypeDescription type, MethodDescription method, Assigner assigner, Advice.ArgumentHandler arguments,
                Advice.OffsetMapping.Sort sort) -> {
            AdvisedMethods.Entry entry = MethodSelection.current().entry(kind, method);
            return Advice.OffsetMapping.Target.ForStackManipulation.of(value.applyAsInt(entry));
        };
    }
}
