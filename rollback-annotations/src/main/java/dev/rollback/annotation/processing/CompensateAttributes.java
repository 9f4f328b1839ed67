package dev.rollback.annotation.processing;

import dev.rollback.annotation.CompensationHandler;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import java.util.Map;

/**
 * The attributes of one {@code @Compensate}, read from its mirror (defaults included), since the
 * handler class cannot be loaded while it is being compiled.
 *
 * @param by            the compensating method's name; empty for none
 * @param handler       the handler type; {@code null} for none
 * @param timeoutMillis as written
 * @param retries       as written
 */
record CompensateAttributes(String by, TypeMirror handler, long timeoutMillis, int retries) {

    static CompensateAttributes of(AnnotationMirror annotation, Elements elements) {
        String by = "";
        TypeMirror handler = null;
        long timeoutMillis = 0;
        int retries = 0;
        Map<? extends ExecutableElement, ? extends AnnotationValue> values = elements.getElementValuesWithDefaults(annotation);
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            Object value = entry.getValue().getValue();
            switch (entry.getKey().getSimpleName().toString()) {
                case "value" -> by = (String) value;
                case "handler" -> handler = isNone((TypeMirror) value) ? null : (TypeMirror) value;
                case "timeoutMillis" -> timeoutMillis = ((Number) value).longValue();
                case "retries" -> retries = ((Number) value).intValue();
                default -> {
                    // priority and description have no rule to check
                }
            }
        }
        return new CompensateAttributes(by, handler, timeoutMillis, retries);
    }

    private static boolean isNone(TypeMirror handler) {
        return handler.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) handler).asElement()).getQualifiedName()
                .contentEquals(CompensationHandler.None.class.getCanonicalName());
    }

    /** @return the attributes written as the annotation would be, as the runtime writes them */
    String annotationText(TypeNames names) {
        StringBuilder text = new StringBuilder("@Compensate");
        boolean hasBy = !by.isEmpty();
        if (hasBy && handler == null) {
            text.append("(\"").append(by).append("\")");
        } else if (hasBy) {
            text.append("(value = \"").append(by).append("\", handler = ").append(names.of(handler)).append(".class)");
        } else if (handler != null) {
            text.append("(handler = ").append(names.of(handler)).append(".class)");
        }
        return text.toString();
    }
}
