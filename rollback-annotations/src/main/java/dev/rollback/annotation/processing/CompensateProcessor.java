package dev.rollback.annotation.processing;

import dev.rollback.annotation.Compensate;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import java.util.Arrays;
import java.util.Set;

/**
 * Turns every misconfigured {@link Compensate @Compensate} into a compile error on the annotated
 * method, worded like the {@code CompensationConfigurationException} its first call would throw; and
 * warns of a {@code @Compensate} method whose values a durable scope of its own class could never
 * journal (D4, {@link DurableCheck}).
 * Registered in {@code META-INF/services}, so javac and ajc run it whenever
 * {@code rollback-annotations} is on the class path (javac 23 and later: with {@code -proc:full}
 * or the jar on the processor path).
 *
 * <p>Opting out, for code that is misconfigured on purpose (tests of the runtime checks):
 * {@code @SuppressWarnings("rollback")} on the method or any enclosing class, or
 * {@code -Arollback.processor=off} for a whole compilation.
 */
@SupportedAnnotationTypes(CompensateProcessor.COMPENSATE)
@SupportedOptions(CompensateProcessor.OPTION)
public final class CompensateProcessor extends AbstractProcessor {

    static final String COMPENSATE = "dev.rollback.annotation.Compensate";
    /** {@code -Arollback.processor=off} disables the checks; {@code on} (the default) enables them. */
    public static final String OPTION = "rollback.processor";
    /** The {@code @SuppressWarnings} token that disables the checks for an element and what it encloses. */
    public static final String SUPPRESSION = "rollback";

    /** Creates the processor; javac calls this through {@link java.util.ServiceLoader}. */
    public CompensateProcessor() {
        super();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (annotations.isEmpty() || !enabled()) {
            return false;
        }
        TypeElement compensate = processingEnv.getElementUtils().getTypeElement(COMPENSATE);
        TypeNames names = new TypeNames(processingEnv.getTypeUtils(), processingEnv.getElementUtils());
        for (Element element : round.getElementsAnnotatedWith(compensate)) {
            if (element.getKind() == ElementKind.METHOD && !suppressed(element)) {
                check((ExecutableElement) element, mirror(element, compensate), names);
            }
        }
        return false;
    }

    private void check(ExecutableElement method, AnnotationMirror annotation, TypeNames names) {
        CompensateAttributes attributes = CompensateAttributes.of(annotation, processingEnv.getElementUtils());
        CompensateCheck check = new CompensateCheck(processingEnv.getTypeUtils(), names, method, attributes);
        if (check.dependsOnErroneousTypes()) {
            return; // javac already reports the type that does not compile
        }
        check.problem().ifPresent(message -> processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, method));
        for (String problem : new DurableCheck(new JournalTypes(processingEnv.getTypeUtils(), names), names).problems(method)) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, problem, method);
        }
    }

    private boolean enabled() {
        String value = processingEnv.getOptions().getOrDefault(OPTION, "on");
        if (value.equals("on")) {
            return true;
        }
        if (value.equals("off")) {
            return false;
        }
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                "-A" + OPTION + "=" + value + " is not understood. Accepted: -A" + OPTION + "=on (the default) or -A"
                        + OPTION + "=off");
        return false;
    }

    static boolean suppressed(Element element) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
            if (suppress != null && Arrays.asList(suppress.value()).contains(SUPPRESSION)) {
                return true;
            }
        }
        return false;
    }

    private static AnnotationMirror mirror(Element element, TypeElement annotation) {
        return element.getAnnotationMirrors().stream()
                .filter(m -> m.getAnnotationType().asElement().equals(annotation))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(element + " was reported as annotated with "
                        + annotation + " but carries no such annotation mirror"));
    }
}
