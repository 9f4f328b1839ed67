package dev.rollback.internal;

import dev.rollback.annotation.Compensate;
import dev.rollback.annotation.CompensationHandler;

/**
 * The attributes of one {@code @Compensate}, whether read from the annotation or from a rules
 * file.
 *
 * @param by            the compensating method's name; empty for none
 * @param handler       the handler class; {@code null} for none
 * @param priority      higher runs first
 * @param timeoutMillis 0 for no limit
 * @param retries       extra attempts
 * @param description   empty for the default
 */
public record CompensateSpec(String by, Class<?> handler, int priority, long timeoutMillis, int retries,
                             String description) {

    /**
     * @param annotation the annotation
     * @return its attributes
     */
    public static CompensateSpec of(Compensate annotation) {
        Class<?> handler = annotation.handler() == CompensationHandler.None.class ? null : annotation.handler();
        return new CompensateSpec(annotation.value(), handler, annotation.priority(), annotation.timeoutMillis(),
                annotation.retries(), annotation.description());
    }

    /** @return the attributes written as the annotation would be, for messages */
    String annotationText() {
        StringBuilder text = new StringBuilder("@Compensate");
        boolean hasBy = !by.isEmpty();
        if (hasBy && handler == null) {
            text.append("(\"").append(by).append("\")");
        } else if (hasBy) {
            text.append("(value = \"").append(by).append("\", handler = ").append(handler.getName()).append(".class)");
        } else if (handler != null) {
            text.append("(handler = ").append(handler.getName()).append(".class)");
        }
        return text.toString();
    }
}
