package dev.rollback.annotation.processing;

import dev.rollback.annotation.WithRollback;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * D4 at compile time, where it can be known: a {@code @Compensate} method of a class that opens a
 * durable scope itself ({@code @WithRollback(durable = true)} on one of its methods, or on the class)
 * whose parameter or return type can never be journaled. A warning, not an error: whether the method
 * is ever called inside that durable scope is not known here, and outside durable scopes it is fine;
 * inside one its first call fails with a {@code CompensationConfigurationException} saying the same.
 * Classes that open no durable scope get nothing.
 */
final class DurableCheck {

    private final JournalTypes journal;
    private final TypeNames names;

    DurableCheck(JournalTypes journal, TypeNames names) {
        this.journal = journal;
        this.names = names;
    }

    /** @return a warning per parameter, and for the return type, that the journal cannot hold */
    List<String> problems(ExecutableElement method) {
        Optional<String> scope = durableScope((TypeElement) method.getEnclosingElement());
        if (scope.isEmpty()) {
            return List.of();
        }
        String prefix = names.method(method) + " cannot be called in a durable scope, such as " + scope.get() + ": ";
        List<String> problems = new ArrayList<>();
        List<? extends VariableElement> parameters = method.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            TypeMirror type = parameters.get(i).asType();
            int index = i;
            journal.problem(type).ifPresent(problem -> problems.add(prefix + "its parameter " + index + " '"
                    + parameters.get(index).getSimpleName() + "' of type " + type + " cannot be journaled: " + problem
                    + "; accepted: " + JournalTypes.ACCEPTED));
        }
        TypeMirror result = method.getReturnType();
        if (result.getKind() != TypeKind.VOID) {
            journal.problem(result).ifPresent(problem -> problems.add(prefix + "its return type " + result
                    + " cannot be journaled: " + problem + "; accepted: " + JournalTypes.ACCEPTED));
        }
        return problems;
    }

    /** @return the durable scope the class opens, as messages name it; empty when it opens none */
    private Optional<String> durableScope(TypeElement type) {
        WithRollback onType = type.getAnnotation(WithRollback.class);
        if (onType != null && onType.durable()) {
            return Optional.of("the ones the public methods of " + names.binaryName(type) + " open");
        }
        for (Element member : type.getEnclosedElements()) {
            WithRollback onMethod = member.getAnnotation(WithRollback.class);
            if (member.getKind() == ElementKind.METHOD && onMethod != null && onMethod.durable()) {
                return Optional.of("the one " + names.method((ExecutableElement) member) + " opens");
            }
        }
        return Optional.empty();
    }
}
