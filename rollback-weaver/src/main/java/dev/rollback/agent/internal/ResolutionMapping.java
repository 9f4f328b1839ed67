package dev.rollback.agent.internal;

import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.ClassConstant;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.utility.JavaConstant;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;

/**
 * Resolves {@link AdvisedResolution}. In a class file of Java 11 or later it is a dynamic constant
 * ({@code CONSTANT_Dynamic}) of the advised class, bootstrapped by {@link Dispatch#resolution} at
 * the method's first call: from then on the JIT sees the resolution as a constant, so the advice
 * looks nothing up per call, and the constant lives and dies with the class. In older class files
 * it is a call of {@link Dispatch#resolution(Class, int, int)}, which finds it in a few loads.
 */
final class ResolutionMapping implements Advice.OffsetMapping.Factory<AdvisedResolution> {

    private static final Method BOOTSTRAP = method("resolution", MethodHandles.Lookup.class, String.class, Class.class,
            int.class, int.class);
    private static final MethodDescription.InDefinedShape LOOK_UP = new MethodDescription.ForLoadedMethod(
            method("resolution", Class.class, int.class, int.class));

    private final Rule.Kind kind;

    ResolutionMapping(Rule.Kind kind) {
        this.kind = kind;
    }

    @Override
    public Class<AdvisedResolution> getAnnotationType() {
        return AdvisedResolution.class;
    }

    @Override
    public Advice.OffsetMapping make(ParameterDescription.InDefinedShape target,
                                     AnnotationDescription.Loadable<AdvisedResolution> annotation, AdviceType adviceType) {
        return (TypeDescription type, MethodDescription method, Assigner assigner, Advice.ArgumentHandler arguments,
                Advice.OffsetMapping.Sort sort) -> {
            MethodSelection selection = MethodSelection.current();
            AdvisedMethods.Entry entry = selection.entry(kind, method);
            StackManipulation load;
            if (selection.classFileVersion().isAtLeast(ClassFileVersion.JAVA_V11)) {
                load = JavaConstant.Dynamic.bootstrap(JavaConstant.Dynamic.DEFAULT_NAME, BOOTSTRAP, entry.index(), entry.id())
                        .toStackManipulation();
            } else {
                load = new StackManipulation.Compound(ClassConstant.of(type), IntegerConstant.forValue(entry.index()),
                        IntegerConstant.forValue(entry.id()), MethodInvocation.invoke(LOOK_UP));
            }
            return new Advice.OffsetMapping.Target.ForStackManipulation(load);
        };
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            return Dispatch.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Dispatch." + name + " is missing", e);
        }
    }
}
