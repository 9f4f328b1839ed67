package dev.rollback;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one compensation during a rollback. Immutable.
 */
public final class CompensationResult {

    private final String description;
    private final int priority;
    private final Outcome outcome;
    private final int attempts;
    private final Duration duration;
    private final @Nullable Throwable error;

    /**
     * Creates a result.
     *
     * @param description what the compensation undoes
     * @param priority    its priority
     * @param outcome     how it ended
     * @param attempts    how many attempts were started (at least 1)
     * @param duration    the time from the first attempt's start to the last attempt's end
     * @param error       the last failure, or {@code null} when it succeeded
     * @throws IllegalArgumentException when {@code attempts < 1}, or when {@code error} is given
     *                                  for a success or missing for a failure
     */
    public CompensationResult(String description, int priority, Outcome outcome, int attempts,
                              Duration duration, @Nullable Throwable error) {
        this.description = Objects.requireNonNull(description, "description");
        this.priority = priority;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.duration = Objects.requireNonNull(duration, "duration");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts is " + attempts + "; accepted: 1 or more");
        }
        if ((outcome == Outcome.SUCCEEDED) != (error == null)) {
            throw new IllegalArgumentException("outcome " + outcome + " with error " + error
                    + "; accepted: an error exactly when the outcome is FAILED or TIMED_OUT");
        }
        this.attempts = attempts;
        this.error = error;
    }

    /** {@return what the compensation undoes, as given by {@code description} or derived from the call} */
    public String description() {
        return description;
    }

    /** {@return the compensation's priority; higher ran earlier} */
    public int priority() {
        return priority;
    }

    /** {@return how the compensation ended} */
    public Outcome outcome() {
        return outcome;
    }

    /** {@return how many attempts were started: 1 plus the retries used} */
    public int attempts() {
        return attempts;
    }

    /** {@return the time from the first attempt's start to the last attempt's end (or the timeout)} */
    public Duration duration() {
        return duration;
    }

    /**
     * {@return the last failure: the compensation's own throwable for {@code FAILED}, a
     *         {@link java.util.concurrent.TimeoutException} for {@code TIMED_OUT}; empty on success}
     */
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return description + " [priority " + priority + "]: " + outcome + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " in " + duration.toMillis() + " ms"
                + (error == null ? "" : " (" + error + ")");
    }
}
