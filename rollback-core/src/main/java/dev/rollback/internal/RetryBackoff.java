package dev.rollback.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The pause before each retry of a failed compensation: {@code initial * 2^(retry - 1)}, capped
 * at {@code max}. Defaults 50 ms and 2 s, from the system properties
 * {@code rollback.retry.initialDelayMillis} and {@code rollback.retry.maxDelayMillis}, or set with
 * {@link dev.rollback.Rollback#setRetryBackoff(Duration, Duration)}.
 */
public final class RetryBackoff {

    static final String INITIAL_PROPERTY = "rollback.retry.initialDelayMillis";
    static final String MAX_PROPERTY = "rollback.retry.maxDelayMillis";

    private static volatile long initialNanos = TimeUnit.MILLISECONDS.toNanos(property(INITIAL_PROPERTY, 50));
    private static volatile long maxNanos = TimeUnit.MILLISECONDS.toNanos(property(MAX_PROPERTY, 2_000));

    private RetryBackoff() {
    }

    /**
     * @param initial the pause before the first retry
     * @param max     the longest pause
     * @throws IllegalArgumentException when a duration is negative or {@code max < initial}
     */
    public static void set(Duration initial, Duration max) {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("retry back-off " + initial + " to " + max
                    + "; accepted: 0 <= initial <= max");
        }
        initialNanos = initial.toNanos();
        maxNanos = max.toNanos();
    }

    /** @return the pause before retry number {@code retry} (1-based) */
    static long delayNanos(int retry) {
        long delay = initialNanos;
        for (int i = 1; i < retry && delay < maxNanos; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxNanos);
    }

    /**
     * Sleeps the back-off of retry number {@code retry}, through interrupts.
     *
     * @return whether the thread was interrupted meanwhile
     */
    static boolean pause(int retry) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + delayNanos(retry);
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true; // restored by the rollback when it ends
            }
        }
        return interrupted;
    }

    private static long property(String name, long fallback) {
        String text = System.getProperty(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + name + "=" + text
                    + "; accepted: a whole number of milliseconds, 0 or more", e);
        }
        throw new IllegalArgumentException("system property " + name + "=" + text
                + "; accepted: a whole number of milliseconds, 0 or more");
    }
}
