package dev.rollback.test;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import dev.rollback.test.internal.Session;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs every compensation of a scenario twice in a row and reports those whose second run fails or
 * changes the world: a compensation that is retried, or run again after a crash, must be harmless.
 *
 * <pre>{@code
 * IdempotencyProbe.assertIdempotent(files, () -> factory.create("agent-7"));
 * }</pre>
 *
 * <p>The scenario runs in a scope of the kit, which records each compensated call a second time
 * and then rolls back; the state probe is read after each compensation.
 */
public final class IdempotencyProbe {

    private IdempotencyProbe() {
    }

    /**
     * One compensation that is not idempotent.
     *
     * @param description the compensation, as reports show it
     * @param problem     what went wrong, in words
     * @param error       the second (or first) run's failure, if one failed
     */
    public record Finding(String description, String problem, @Nullable Throwable error) {
    }

    /**
     * {@return the compensations whose second run failed or changed the world (or whose first run
     *         failed), in the order they ran; empty when all are idempotent}
     *
     * @param probe    reads the world the compensations change
     * @param scenario the work, which must succeed
     * @param <S>      the probe's state
     * @throws AssertionFailedError when the scenario fails or the probe cannot read the world
     */
    public static <S extends @Nullable Object> List<Finding> check(StateProbe<S> probe, Scenario scenario) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(scenario, "scenario");
        List<CompensationResult> results = new ArrayList<>();
        List<S> states = new ArrayList<>();
        Thread thread = Thread.currentThread();
        RollbackListener listener = new RollbackListener() {
            @Override
            public void onCompensation(String operationId, CompensationResult result) {
                if (Thread.currentThread() == thread) {
                    results.add(result);
                    states.add(Probing.capture(probe, "after running " + result.description()));
                }
            }
        };
        Rollback.addListener(listener);
        try (Session session = Session.recordingTwice()) {
            FailureInjector.Ran ran = FailureInjector.runInKitScope(scenario);
            if (ran.thrown() != null) {
                throw new AssertionFailedError("the scenario failed, so its compensations could not be run twice;"
                        + " accepted: a scenario that succeeds on its own", ran.thrown());
            }
            if (ran.closing() != null) {
                throw new AssertionFailedError("closing the kit's scope failed", ran.closing());
            }
        } finally {
            Rollback.removeListener(listener);
        }
        return findings(results, states);
    }

    /**
     * Fails the test unless every compensation can run twice in a row: {@link #check} as an assertion.
     *
     * @param probe    reads the world the compensations change
     * @param scenario the work, which must succeed
     * @param <S>      the probe's state
     * @throws AssertionFailedError listing every compensation that is not idempotent
     */
    public static <S extends @Nullable Object> void assertIdempotent(StateProbe<S> probe, Scenario scenario) {
        List<Finding> findings = check(probe, scenario);
        if (findings.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder().append(findings.size()).append(" compensation(s) not idempotent:");
        findings.forEach(f -> message.append("\n  - ").append(f.description()).append(": ").append(f.problem()));
        AssertionFailedError failure = new AssertionFailedError(message.toString());
        findings.stream().map(Finding::error).filter(Objects::nonNull).forEach(failure::addSuppressed);
        throw failure;
    }

    /** Pairs the runs: the kit recorded each call twice in a row, so each pair runs back to back. */
    private static <S extends @Nullable Object> List<Finding> findings(List<CompensationResult> results, List<S> states) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i + 1 < results.size(); i += 2) {
            CompensationResult first = results.get(i);
            CompensationResult second = results.get(i + 1);
            if (!first.description().equals(second.description())) {
                throw new IllegalStateException("the runs of '" + first.description() + "' and '" + second.description()
                        + "' were expected to be two runs of one compensation; the kit lost track of the pairs");
            }
            if (first.outcome() != Outcome.SUCCEEDED) {
                findings.add(new Finding(first.description(), "its first run ended " + first.outcome() + ": "
                        + first.error().map(Throwable::toString).orElse(""), first.error().orElse(null)));
            } else if (second.outcome() != Outcome.SUCCEEDED) {
                findings.add(new Finding(first.description(), "its second run ended " + second.outcome() + ": "
                        + second.error().map(Throwable::toString).orElse(""), second.error().orElse(null)));
            } else if (!Objects.equals(states.get(i), states.get(i + 1))) {
                findings.add(new Finding(first.description(), "its second run changed the world from " + states.get(i)
                        + " to " + states.get(i + 1), null));
            }
        }
        return findings;
    }
}
