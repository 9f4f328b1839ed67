package dev.rollback.test.internal;

import dev.rollback.test.InjectedFailure;

/**
 * What the kit does with the compensated calls of one scenario run on one thread: count them, fail
 * right after the n-th, or record each one a second time.
 */
public final class Session implements AutoCloseable {

    private static final ThreadLocal<Session> CURRENT = new ThreadLocal<>();

    private final int failAfter;
    private final boolean twice;
    private int calls;
    private InjectedFailure injected;

    private Session(int failAfter, boolean twice) {
        this.failAfter = failAfter;
        this.twice = twice;
    }

    /** @return a session that only counts */
    public static Session counting() {
        return open(0, false);
    }

    /**
     * @param n the call after which to fail, from 1
     * @return a session that throws an {@link InjectedFailure} right after the n-th call returns
     */
    public static Session failingAfter(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("failAfter is " + n + "; accepted: 1 or more");
        }
        return open(n, false);
    }

    /** @return a session that records every call a second time, so the rollback runs it twice in a row */
    public static Session recordingTwice() {
        return open(0, true);
    }

    private static Session open(int failAfter, boolean twice) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("a rollback-test session is already running on thread '"
                    + Thread.currentThread().getName() + "'; accepted: one scenario at a time per thread, not nested");
        }
        Session session = new Session(failAfter, twice);
        CURRENT.set(session);
        return session;
    }

    static Session current() {
        Session session = CURRENT.get();
        if (session == null) {
            CURRENT.remove();
        }
        return session;
    }

    /** Called by the tap as a compensated call returns; {@code recordAgain} records it a second time. */
    void called(Runnable recordAgain) {
        calls++;
        if (twice) {
            recordAgain.run();
        }
        if (calls == failAfter) {
            injected = new InjectedFailure(failAfter);
            throw injected;
        }
    }

    /** @return how many compensated calls returned in this session */
    public int calls() {
        return calls;
    }

    /** @return the failure this session threw, or {@code null} when it has not thrown one */
    public InjectedFailure injected() {
        return injected;
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
