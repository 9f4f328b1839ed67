package dev.rollback.test;

import org.jspecify.annotations.Nullable;

/**
 * Captures the part of the world a scenario changes (files, rows, processes), as a value whose
 * {@code equals} says whether two worlds are the same and whose {@code toString} shows how they
 * differ. It must not change the world itself.
 *
 * <pre>{@code
 * StateProbe<Set<Path>> files = () -> {
 *     try (Stream<Path> walk = Files.walk(root)) {
 *         return walk.collect(Collectors.toCollection(TreeSet::new));
 *     }
 * };
 * }</pre>
 *
 * @param <S> the captured state
 */
@FunctionalInterface
public interface StateProbe<S extends @Nullable Object> {

    /**
     * {@return the state now}
     *
     * @throws Exception when it cannot be read; the kit reports it as the cause of a failed assertion
     */
    S capture() throws Exception;
}
