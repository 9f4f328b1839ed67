package dev.rollback.annotation.processing;

import dev.rollback.annotation.WithRollback;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link WithRollback @WithRollback} method whose return type cannot carry a scope into a
 * compile error (semantics C6), worded like the {@code CompensationConfigurationException} its first
 * call would throw: a {@code java.util.concurrent.Future} that is not a {@code CompletionStage}
 * cannot be observed, and a {@code CompletionStage} type other than {@code CompletionStage} and
 * {@code CompletableFuture} cannot be replaced by the future the caller gets. Opting out works as
 * for {@link CompensateProcessor}.
 */
@SupportedAnnotationTypes(WithRollbackProcessor.WITH_ROLLBACK)
@SupportedOptions(CompensateProcessor.OPTION)
public final class WithRollbackProcessor extends AbstractProcessor {

    static final String WITH_ROLLBACK = "dev.rollback.annotation.WithRollback";
    private static final String FUTURE = "java.util.concurrent.Future";
    private static final String STAGE = "java.util.concurrent.CompletionStage";
    private static final String COMPLETABLE = "java.util.concurrent.CompletableFuture";

    /** Creates the processor; javac calls this through {@link java.util.ServiceLoader}. */
    public WithRollbackProcessor() {
        super();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (annotations.isEmpty() || "off".equals(processingEnv.getOptions().get(CompensateProcessor.OPTION))) {
            return false; // CompensateProcessor reports an option it does not understand
        }
        TypeElement withRollback = processingEnv.getElementUtils().getTypeElement(WITH_ROLLBACK);
        for (Element element : round.getElementsAnnotatedWith(withRollback)) {
            if (element.getKind() == ElementKind.METHOD) {
                check((ExecutableElement) element);
            } else if (element instanceof TypeElement type) {
                for (Element member : type.getEnclosedElements()) {
                    if (member.getKind() == ElementKind.METHOD && member.getModifiers().contains(Modifier.PUBLIC)
                            && member.getAnnotation(WithRollback.class) == null) {
                        check((ExecutableElement) member);
                    }
                }
            }
        }
        return false;
    }

    private void check(ExecutableElement method) {
        if (CompensateProcessor.suppressed(method)) {
            return;
        }
        problem(method).ifPresent(message -> processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, method));
    }

    private Optional<String> problem(ExecutableElement method) {
        TypeMirror returned = method.getReturnType();
        if (returned.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        Types types = processingEnv.getTypeUtils();
        TypeNames names = new TypeNames(types, processingEnv.getElementUtils());
        TypeMirror erased = types.erasure(returned);
        String name = names.of(erased);
        if (name.equals(STAGE) || name.equals(COMPLETABLE)) {
            return Optional.empty();
        }
        String accepted = " accepted return types for work that outlives the method: " + STAGE + " or " + COMPLETABLE;
        String where = "@WithRollback on " + names.method(method) + " returns " + name;
        if (types.isAssignable(erased, erasure(STAGE))) {
            return Optional.of(where + ", a CompletionStage the scope cannot hand its own future in place of;" + accepted);
        }
        if (types.isAssignable(erased, erasure(FUTURE))) {
            return Optional.of(where + ", a Future whose completion cannot be observed, so the scope could neither"
                    + " commit nor roll back when the work ends;" + accepted);
        }
        return Optional.empty();
    }

    private TypeMirror erasure(String type) {
        return processingEnv.getTypeUtils().erasure(processingEnv.getElementUtils().getTypeElement(type).asType());
    }
}
