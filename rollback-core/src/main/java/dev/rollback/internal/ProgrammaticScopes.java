package dev.rollback.internal;

import dev.rollback.Compensation;
import dev.rollback.annotation.Propagation;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine side of {@link dev.rollback.Rollback}'s programmatic API.
 */
public final class ProgrammaticScopes {

    private ProgrammaticScopes() {
    }

    /**
     * @param name        the operation name
     * @param propagation how the scope relates to an enclosing one
     * @return the open scope
     */
    public static Scope open(String name, Propagation propagation) {
        return Scopes.openProgrammatic(name, propagation);
    }

    /**
     * Closes a {@code Rollback.run}/{@code call} scope whose body returned.
     *
     * @param scope the scope
     */
    public static void succeed(Scope scope) {
        Scopes.exit(scope, null);
    }

    /**
     * Rolls back a {@code Rollback.run}/{@code call} scope whose body threw; the caller rethrows.
     *
     * @param scope  the scope
     * @param thrown what the body threw
     */
    public static void fail(Scope scope, Throwable thrown) {
        Scopes.exit(scope, thrown);
    }

    /**
     * @param description  shown in reports
     * @param priority     higher runs first
     * @param timeout      per attempt; zero for none
     * @param retries      extra attempts
     * @param compensation the undo action
     */
    public static void register(String description, int priority, Duration timeout, int retries, Compensation compensation) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(compensation, "compensation");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout " + timeout + " for '" + description
                    + "'; accepted: Duration.ZERO (no limit) or a positive duration");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries " + retries + " for '" + description + "'; accepted: 0 or more");
        }
        long timeoutMillis = timeout.isZero() ? 0 : Math.max(1, timeout.toMillis());
        Scopes.register(description, priority, timeoutMillis, retries, compensation);
    }
}
