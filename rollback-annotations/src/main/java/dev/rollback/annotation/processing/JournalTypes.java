package dev.rollback.annotation.processing;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of value a durable scope's journal holds (D4), checked on declared types at compile
 * time as the durable module checks them at the first call: why a type can never be journaled, or
 * nothing when it can (or when only the run time can tell, such as a record in a module that does
 * not open its package).
 */
final class JournalTypes {

    /** What the messages list as accepted: the durable module's words. */
    static final String ACCEPTED = "null, primitives and their boxes, String, enums, java.nio.file.Path, java.net.URI,"
            + " java.util.UUID, java.time.Instant, java.time.Duration, ProcessHandle, records of these, arrays of these,"
            + " and List<T> and Map<K, V> of these (with T, K and V written out)";

    private static final Set<String> SCALARS = Set.of("java.lang.Boolean", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character",
            "java.lang.String", "java.nio.file.Path", "java.net.URI", "java.util.UUID", "java.time.Instant",
            "java.time.Duration", "java.lang.ProcessHandle");

    private final Types types;
    private final TypeNames names;

    JournalTypes(Types types, TypeNames names) {
        this.types = types;
        this.names = names;
    }

    /** @return why values of this declared type can never be journaled; empty when they can */
    Optional<String> problem(TypeMirror declared) {
        return problem(declared, new ArrayDeque<>());
    }

    private Optional<String> problem(TypeMirror type, Deque<TypeElement> records) {
        switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE, VOID, ERROR -> {
                return Optional.empty(); // an erroneous type is javac's to report
            }
            case ARRAY -> {
                return problem(((ArrayType) type).getComponentType(), records);
            }
            case TYPEVAR -> {
                return Optional.of("the type variable " + type + " is not written out");
            }
            case WILDCARD -> {
                return Optional.of("the wildcard type " + type + " does not say what the value is");
            }
            case DECLARED -> {
                return declared((DeclaredType) type, records);
            }
            default -> {
                return Optional.of(type + " is not a kind the journal can hold");
            }
        }
    }

    private Optional<String> declared(DeclaredType type, Deque<TypeElement> records) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        if (SCALARS.contains(name) || element.getKind() == ElementKind.ENUM) {
            return Optional.empty();
        }
        boolean raw = type.getTypeArguments().isEmpty() && !element.getTypeParameters().isEmpty();
        if (name.equals("java.util.List") || name.equals("java.util.Map")) {
            if (raw) {
                return Optional.of("the raw type " + name + " does not say what its elements are");
            }
            for (TypeMirror argument : type.getTypeArguments()) {
                Optional<String> problem = problem(argument, records);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        if (element.getKind() == ElementKind.RECORD) {
            if (raw) {
                return Optional.of("the generic record " + names.binaryName(element) + " is used without its type arguments");
            }
            return record(type, element, records);
        }
        return Optional.of((type.getTypeArguments().isEmpty() ? names.binaryName(element) : type.toString())
                + " is not a kind the journal can hold");
    }

    private Optional<String> record(DeclaredType type, TypeElement element, Deque<TypeElement> records) {
        if (records.contains(element)) {
            return Optional.of("the record " + names.binaryName(element) + " contains itself");
        }
        records.push(element);
        try {
            for (Element member : element.getEnclosedElements()) {
                if (member instanceof RecordComponentElement component) {
                    ExecutableElement accessor = component.getAccessor();
                    TypeMirror componentType = ((ExecutableType) types.asMemberOf(type, accessor)).getReturnType();
                    Optional<String> problem = problem(componentType, records);
                    if (problem.isPresent()) {
                        return Optional.of("its record " + names.binaryName(element) + " has the component '"
                                + component.getSimpleName() + "' of type " + componentType + ": " + problem.get());
                    }
                }
            }
            return Optional.empty();
        } finally {
            records.pop();
        }
    }
}
