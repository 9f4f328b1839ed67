package dev.rollback.test;

import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * Runs a user's {@link StateProbe}, so that a probe that cannot read the world fails the test with
 * the moment it was asked at.
 */
final class Probing {

    private Probing() {
    }

    static <S extends @Nullable Object> S capture(StateProbe<S> probe, String when) {
        try {
            return probe.capture();
        } catch (Exception e) {
            throw new AssertionFailedError("the state probe failed " + when, e);
        }
    }
}
