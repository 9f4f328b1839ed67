package dev.rollback.durable.internal;

import java.util.Objects;

/**
 * What the journal holds of a {@code @Compensate} call before its body runs: which method (named
 * as the code declares it; recovery resolves and checks it against the code, never trusting the
 * name alone), its arguments encoded by {@link dev.rollback.durable.internal.codec.ValueCodec},
 * and its attributes as they were.
 *
 * @param declaringClass the binary name of the class declaring the {@code @Compensate} method
 * @param method         its name
 * @param descriptor     its JVM descriptor, e.g. {@code (Ljava/lang/String;I)Ljava/nio/file/Path;}
 * @param arguments      its arguments, a JSON array
 * @param priority       the {@code priority} attribute
 * @param timeoutMillis  the {@code timeoutMillis} attribute
 * @param retries        the {@code retries} attribute
 */
public record StepIntent(String declaringClass, String method, String descriptor, String arguments, int priority,
                         long timeoutMillis, int retries) {

    /** @throws NullPointerException when a text is {@code null} */
    public StepIntent {
        Objects.requireNonNull(declaringClass, "declaringClass");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(arguments, "arguments");
    }

    /**
     * @param method    the {@code @Compensate} method
     * @param arguments its arguments, encoded
     * @param priority  the {@code priority} attribute
     * @param timeoutMillis the {@code timeoutMillis} attribute
     * @param retries   the {@code retries} attribute
     * @return the intent of a call of it
     */
    public static StepIntent of(java.lang.reflect.Method method, String arguments, int priority, long timeoutMillis,
                                int retries) {
        return new StepIntent(method.getDeclaringClass().getName(), method.getName(), Descriptors.of(method), arguments,
                priority, timeoutMillis, retries);
    }
}
