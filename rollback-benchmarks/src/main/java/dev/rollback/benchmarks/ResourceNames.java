package dev.rollback.benchmarks;

import java.util.stream.IntStream;

/**
 * The names the scenarios acquire: built once, so that no scenario allocates them per call, and
 * references, so that recording a call boxes nothing.
 */
final class ResourceNames {

    /** Enough for the largest scenario. */
    static final String[] ALL = IntStream.range(0, 1_000).mapToObj(i -> "resource-" + i).toArray(String[]::new);

    private ResourceNames() {
    }
}
