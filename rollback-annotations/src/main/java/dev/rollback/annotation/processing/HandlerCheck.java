package dev.rollback.annotation.processing;

import dev.rollback.annotation.CompensationHandler;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import java.util.List;
import java.util.Optional;

/**
 * The rules for {@code @Compensate(handler = ...)}, in the order and words of the runtime's
 * {@code HandlerBinder}: the handler can be created, and its type argument takes the method's result.
 */
final class HandlerCheck {

    private final Types types;
    private final TypeNames names;
    private final ExecutableElement method;
    private final TypeMirror result;
    private final TypeMirror handler;

    HandlerCheck(Types types, TypeNames names, ExecutableElement method, TypeMirror result, TypeMirror handler) {
        this.types = types;
        this.names = names;
        this.method = method;
        this.result = result;
        this.handler = handler;
    }

    /** @return what is wrong with the handler; empty when nothing is */
    Optional<String> problem() {
        TypeElement handler = (TypeElement) ((DeclaredType) types.erasure(this.handler)).asElement();
        String name = names.binaryName(handler);
        if (handler.getKind().isInterface() || handler.getModifiers().contains(Modifier.ABSTRACT)) {
            return Optional.of(name + " is abstract and cannot be created");
        }
        Optional<TypeMirror> handles = handledType(handler);
        if (handles.isPresent() && result.getKind() != TypeKind.VOID && !Acceptance.accepts(types, handles.get(), result)) {
            return Optional.of(name + " handles " + names.of(handles.get()) + ", which cannot take the "
                    + names.of(result) + " that " + method.getSimpleName() + " returns");
        }
        if (!hasPublicNoArgConstructor(handler)) {
            return Optional.of(name + " has no public no-arg constructor");
        }
        return Optional.empty();
    }

    /**
     * @return the type argument {@code R} the handler declares for {@code CompensationHandler}, looked
     *         up like the runtime does: on the interfaces each class of the superclass chain names
     *         itself; empty for a type variable or wildcard, which only a call can check
     */
    private Optional<TypeMirror> handledType(TypeElement handler) {
        for (TypeElement type = handler; type != null && !isObject(type); type = superclass(type)) {
            for (TypeMirror declared : type.getInterfaces()) {
                if (!isCompensationHandler(declared)) {
                    continue;
                }
                List<? extends TypeMirror> arguments = ((DeclaredType) declared).getTypeArguments();
                if (arguments.isEmpty()) {
                    continue; // raw: the runtime sees no ParameterizedType here either
                }
                TypeMirror argument = arguments.get(0);
                return argument.getKind() == TypeKind.DECLARED || argument.getKind() == TypeKind.ARRAY
                        ? Optional.of(types.erasure(argument)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private boolean isCompensationHandler(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && ((TypeElement) ((DeclaredType) type).asElement())
                .getQualifiedName().contentEquals(CompensationHandler.class.getCanonicalName());
    }

    private static boolean isObject(TypeElement type) {
        return type.getQualifiedName().contentEquals("java.lang.Object");
    }

    private TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
    }

    /** Inner classes take their outer instance as a hidden constructor parameter, so they never have one. */
    private static boolean hasPublicNoArgConstructor(TypeElement handler) {
        if (handler.getNestingKind().isNested() && !handler.getModifiers().contains(Modifier.STATIC)) {
            return false;
        }
        return ElementFilter.constructorsIn(handler.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    }
}
