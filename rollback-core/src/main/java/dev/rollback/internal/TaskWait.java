package dev.rollback.internal;

import java.time.Duration;
import java.util.Objects;

/** How long a rollback waits for its scope's wrapped tasks still running (semantics C3). */
public final class TaskWait {

    private static final Duration DEFAULT = Duration.ofSeconds(10);
    private static volatile Duration wait = DEFAULT;

    private TaskWait() {
    }

    static Duration get() {
        return wait;
    }

    /**
     * @param limit the longest wait; {@link Duration#ZERO} not to wait
     * @throws IllegalArgumentException when it is negative
     */
    public static void set(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative()) {
            throw new IllegalArgumentException("task wait " + limit + "; accepted: Duration.ZERO (do not wait) or a"
                    + " positive duration (default " + DEFAULT + ")");
        }
        wait = limit;
    }
}
