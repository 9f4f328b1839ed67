package dev.rollback.annotation.processing;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the binding rules of {@code @Compensate} to one annotated method, in the order and with
 * the words of the runtime's {@code CompensateBinder}, so that the compile error is the exception
 * the first call would otherwise throw (plus what only a compiler can add: abstract methods and
 * near-miss names).
 */
final class CompensateCheck {

    private final Types types;
    private final TypeNames names;
    private final ExecutableElement method;
    private final CompensateAttributes attributes;
    private final List<TypeMirror> parameters;
    private final TypeMirror result;

    CompensateCheck(Types types, TypeNames names, ExecutableElement method, CompensateAttributes attributes) {
        this.types = types;
        this.names = names;
        this.method = method;
        this.attributes = attributes;
        this.parameters = TypeNames.parameterTypes(method).stream().map(types::erasure).collect(Collectors.toList());
        this.result = types.erasure(method.getReturnType());
    }

    /** @return what is wrong with the method's {@code @Compensate}, in the runtime's words; empty when nothing is */
    Optional<String> problem() {
        if (method.getModifiers().contains(Modifier.ABSTRACT)) {
            return invalid("the method is abstract, so no call of it ever runs a body that could be recorded",
                    "@Compensate on a method with a body (annotations on an abstract method are not inherited by"
                            + " its implementations)");
        }
        if (attributes.timeoutMillis() < 0) {
            return invalid("timeoutMillis is " + attributes.timeoutMillis(), "0 (no limit) or more");
        }
        if (attributes.retries() < 0) {
            return invalid("retries is " + attributes.retries(), "0 or more");
        }
        boolean hasBy = !attributes.by().isEmpty();
        if (hasBy && attributes.handler() != null) {
            return invalid("both value and handler are given", "exactly one of " + either());
        }
        if (!hasBy && attributes.handler() == null) {
            return invalid("neither value nor handler is given", "exactly one of " + either());
        }
        return hasBy ? checkMethod() : new HandlerCheck(types, names, method, result, attributes.handler()).problem().flatMap(
                what -> invalid(what, acceptedHandler()));
    }

    /** @return whether a type the rules depend on did not compile; javac reports that on its own */
    boolean dependsOnErroneousTypes() {
        return result.getKind() == TypeKind.ERROR || parameters.stream().anyMatch(p -> p.getKind() == TypeKind.ERROR)
                || (attributes.handler() != null && attributes.handler().getKind() == TypeKind.ERROR);
    }

    private Optional<String> checkMethod() {
        boolean isStatic = TypeNames.isStatic(method);
        List<ExecutableElement> named = declaredMethods().stream()
                .filter(m -> m.getSimpleName().contentEquals(attributes.by()))
                .sorted(Comparator.comparing(m -> names.parameters(TypeNames.parameterTypes(m))))
                .collect(Collectors.toList());
        if (named.stream().anyMatch(m -> TypeNames.parameterTypes(m).stream().anyMatch(p -> p.getKind() == TypeKind.ERROR))) {
            return Optional.empty(); // a candidate's parameter type does not compile: javac reports that, and binding must wait
        }
        List<ExecutableElement> candidates = named.stream().filter(m -> TypeNames.isStatic(m) == isStatic)
                .collect(Collectors.toList());
        for (Shape shape : shapes()) {
            List<TypeMirror> values = valueTypes(shape);
            List<ExecutableElement> fits = candidates.stream().filter(m -> fits(m, values)).collect(Collectors.toList());
            if (fits.size() > 1) {
                return invalid(fits.size() + " methods fit equally as " + shape.text + ": "
                        + fits.stream().map(names::signature).collect(Collectors.joining(", ")), "only " + acceptedMethods());
            }
            if (fits.size() == 1) {
                return Optional.empty();
            }
        }
        if (named.isEmpty()) {
            return invalid("its class declares no method named " + attributes.by(), acceptedMethods())
                    .map(message -> message + NearMiss.suggestion(attributes.by(), otherMethodNames()));
        }
        return invalid("no method named " + attributes.by() + " fits; found: "
                + named.stream().map(m -> names.found(m, isStatic)).collect(Collectors.joining(", ")), acceptedMethods());
    }

    private List<ExecutableElement> declaredMethods() {
        return ElementFilter.methodsIn(method.getEnclosingElement().getEnclosedElements());
    }

    private Set<String> otherMethodNames() {
        return declaredMethods().stream().map(m -> m.getSimpleName().toString())
                .filter(name -> !name.contentEquals(method.getSimpleName()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private boolean fits(ExecutableElement candidate, List<TypeMirror> values) {
        List<TypeMirror> accepted = TypeNames.parameterTypes(candidate);
        if (accepted.size() != values.size()) {
            return false;
        }
        for (int i = 0; i < accepted.size(); i++) {
            if (!Acceptance.accepts(types, accepted.get(i), values.get(i))) {
                return false;
            }
        }
        return true;
    }

    private List<Shape> shapes() {
        return result.getKind() == TypeKind.VOID ? List.of(Shape.ARGUMENTS, Shape.NOTHING)
                : List.of(Shape.RESULT_AND_ARGUMENTS, Shape.RESULT, Shape.ARGUMENTS, Shape.NOTHING);
    }

    private List<TypeMirror> valueTypes(Shape shape) {
        List<TypeMirror> values = new ArrayList<>();
        if (shape == Shape.RESULT_AND_ARGUMENTS || shape == Shape.RESULT) {
            values.add(result);
        }
        if (shape == Shape.RESULT_AND_ARGUMENTS || shape == Shape.ARGUMENTS) {
            values.addAll(parameters);
        }
        return values;
    }

    private Optional<String> invalid(String what, String accepted) {
        return Optional.of(attributes.annotationText(names) + " on " + names.method(method) + ": " + what
                + ". Accepted: " + accepted);
    }

    private String acceptedMethods() {
        String name = attributes.by().isEmpty() ? "<name>" : attributes.by();
        Set<String> accepted = new LinkedHashSet<>();
        for (Shape shape : shapes()) {
            accepted.add(name + names.parameters(valueTypes(shape)));
        }
        return "one of " + String.join(", ", accepted) + ", declared in the same class, any visibility, "
                + (TypeNames.isStatic(method) ? "static" : "not static") + "; the first that fits wins";
    }

    private String acceptedHandler() {
        String typeArgument = result.getKind() == TypeKind.VOID ? "?" : names.of(Acceptance.boxed(types, result));
        return "handler = a class implementing dev.rollback.annotation.CompensationHandler<" + typeArgument
                + "> with a public no-arg constructor";
    }

    private String either() {
        return "value = " + acceptedMethods() + "; or " + acceptedHandler();
    }

    /** The parameter lists a compensating method may have, first match wins. */
    private enum Shape {
        RESULT_AND_ARGUMENTS("(result, arguments)"), RESULT("(result)"), ARGUMENTS("(arguments)"), NOTHING("()");

        final String text;

        Shape(String text) {
            this.text = text;
        }
    }
}
