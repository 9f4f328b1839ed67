package dev.rollback.annotation.processing;

import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Whether a parameter accepts a value, as the runtime decides on erased classes: assignability
 * with boxing and unboxing, but no primitive widening.
 */
final class Acceptance {

    private Acceptance() {
    }

    static boolean accepts(Types types, TypeMirror parameter, TypeMirror value) {
        TypeMirror erasedParameter = types.erasure(parameter);
        TypeMirror erasedValue = types.erasure(value);
        if (types.isSameType(erasedParameter, erasedValue)) {
            return true;
        }
        if (erasedParameter.getKind().isPrimitive()) {
            return types.isSameType(boxed(types, erasedParameter), erasedValue);
        }
        return types.isAssignable(boxed(types, erasedValue), erasedParameter);
    }

    /** @return the box of a primitive type; any other type unchanged */
    static TypeMirror boxed(Types types, TypeMirror type) {
        return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
    }
}
