package dev.rollback.annotation;

import org.jspecify.annotations.Nullable;

/**
 * Undoes what a {@link Compensate @Compensate} method did, for compensations that do not live on
 * the method's own class.
 *
 * <pre>{@code
 * public final class DeleteRow implements CompensationHandler<Long> {
 *     public void compensate(Long id, Object[] args) throws SQLException {
 *         Database.delete("agents", id);
 *     }
 * }
 *
 * @Compensate(handler = DeleteRow.class)
 * public long insert(String name) { ... }
 * }</pre>
 *
 * <p>Implementations have a public no-arg constructor. One instance is created per annotated
 * method, the first time the method is called, and is shared by every call afterwards: keep it
 * stateless.
 *
 * @param <R> the return type of the annotated method ({@code Void} or {@code Object} for a
 *            method that returns nothing)
 */
@FunctionalInterface
public interface CompensationHandler<R> {

    /**
     * Undoes one call.
     *
     * @param result the value the annotated method returned; {@code null} for a {@code void} method
     * @param args   the arguments the annotated method was called with (a copy; an argument may be
     *               {@code null})
     * @throws Exception when the undo fails; it is retried as {@link Compensate#retries()} allows,
     *                   then reported
     */
    void compensate(@Nullable R result, @Nullable Object[] args) throws Exception;

    /**
     * The default of {@link Compensate#handler()}: "no handler", never instantiated.
     */
    final class None implements CompensationHandler<Object> {

        private None() {
            throw new AssertionError("CompensationHandler.None is a marker and is never created");
        }

        @Override
        public void compensate(@Nullable Object result, @Nullable Object[] args) {
            throw new AssertionError("CompensationHandler.None is a marker and is never called");
        }
    }
}
