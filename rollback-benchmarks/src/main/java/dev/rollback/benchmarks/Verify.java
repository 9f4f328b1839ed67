package dev.rollback.benchmarks;

/** Checks that a fixture is set up as its benchmarks claim, before anything is measured. */
final class Verify {

    private Verify() {
    }

    static void held(String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": after a failed Orchestrator.fail(3) " + actual
                    + " resources are held, expected " + expected + "; the benchmark would measure the wrong thing");
        }
    }
}
