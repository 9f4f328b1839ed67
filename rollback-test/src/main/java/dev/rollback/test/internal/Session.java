package dev.rollback.test.internal;

import dev.rollback.RecordedCompensation;
import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import dev.rollback.test.InjectedFailure;

/**
 * What the kit does with the compensated calls of one scenario run on one thread: count them, fail
 * right after the n-th, or record each one a second time. It hears of each call from the engine
 * ({@link RollbackListener#onRecord}), so it works whatever wove the code: ajc, load-time weaving or
 * the java agent.
 */
public final class Session implements AutoCloseable {

    private static final ThreadLocal<Session> CURRENT = new ThreadLocal<>();

    private final int failAfter;
    private final boolean twice;
    private final Thread owner = Thread.currentThread();
    private final RollbackListener listener = new RollbackListener() {
        @Override
        public void onRecord(String operationId, RecordedCompensation compensation) {
            if (Thread.currentThread() == owner) {
                recorded(compensation);
            }
        }
    };
    private int calls;
    private boolean recordingAgain;
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
        Rollback.addListener(session.listener);
        return session;
    }

    /** Called as a compensated call returns, after the engine kept its record. */
    private void recorded(RecordedCompensation compensation) {
        if (recordingAgain) {
            return; // the kit's own second record, not a call of the scenario
        }
        calls++;
        if (twice) {
            recordingAgain = true;
            try {
                Rollback.register(compensation.description(), compensation.priority(), compensation.timeout(),
                        compensation.retries(), compensation.undo());
            } finally {
                recordingAgain = false;
            }
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
        Rollback.removeListener(listener);
        CURRENT.remove();
    }
}
