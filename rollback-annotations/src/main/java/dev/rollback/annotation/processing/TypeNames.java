package dev.rollback.annotation.processing;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes types and methods the way the runtime's messages do ({@code Class.getTypeName()} of the
 * erasure), so that a compile error and a {@code CompensationConfigurationException} read the same.
 */
final class TypeNames {

    private final Types types;
    private final Elements elements;

    TypeNames(Types types, Elements elements) {
        this.types = types;
        this.elements = elements;
    }

    /** @return {@code java.lang.String}, {@code int}, {@code com.acme.Outer$Inner}, {@code byte[]} */
    String of(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        if (erased.getKind() == TypeKind.ARRAY) {
            return of(((ArrayType) erased).getComponentType()) + "[]";
        }
        if (erased.getKind() == TypeKind.DECLARED) {
            return binaryName((TypeElement) ((DeclaredType) erased).asElement());
        }
        return erased.toString();
    }

    String binaryName(TypeElement type) {
        return elements.getBinaryName(type).toString();
    }

    /** @return {@code (int, java.lang.String)} */
    String parameters(List<? extends TypeMirror> parameterTypes) {
        return parameterTypes.stream().map(this::of).collect(Collectors.joining(", ", "(", ")"));
    }

    /** @return {@code com.acme.Tabs.open(java.lang.String)} */
    String method(ExecutableElement method) {
        return binaryName((TypeElement) method.getEnclosingElement()) + '.' + method.getSimpleName()
                + parameters(parameterTypes(method));
    }

    /** @return {@code static close(int)} */
    String signature(ExecutableElement method) {
        return (isStatic(method) ? "static " : "") + method.getSimpleName() + parameters(parameterTypes(method));
    }

    /** @return {@code remove(java.lang.String) (not static)}: a method found, marked when its staticness is wrong */
    String found(ExecutableElement method, boolean staticWanted) {
        boolean isStatic = isStatic(method);
        return method.getSimpleName() + parameters(parameterTypes(method))
                + (isStatic == staticWanted ? "" : isStatic ? " (static)" : " (not static)");
    }

    static List<TypeMirror> parameterTypes(ExecutableElement method) {
        return method.getParameters().stream().map(p -> p.asType()).collect(Collectors.toList());
    }

    static boolean isStatic(ExecutableElement method) {
        return method.getModifiers().contains(Modifier.STATIC);
    }
}
