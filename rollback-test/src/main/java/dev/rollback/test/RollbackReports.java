package dev.rollback.test;

import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rollback reports of one thread, from {@link #record()} until {@link #close()}. Listeners see
 * every thread of the JVM; this keeps only the reports of rollbacks run on the thread that created
 * it, so that tests running in parallel do not see each other's.
 *
 * <pre>{@code
 * try (RollbackReports reports = RollbackReports.record()) {
 *     assertThrows(IOException.class, () -> factory.create("agent-7"));
 *     RollbackAssertions.assertThatReport(reports.last()).ranInOrder("stop worker", "remove dir");
 * }
 * }</pre>
 */
public final class RollbackReports implements AutoCloseable {

    private final Thread thread = Thread.currentThread();
    private final List<RollbackReport> reports = Collections.synchronizedList(new ArrayList<>());
    private final RollbackListener listener = new RollbackListener() {
        @Override
        public void onRollback(RollbackReport report) {
            if (Thread.currentThread() == thread) {
                reports.add(report);
            }
        }
    };

    private RollbackReports() {
        Rollback.addListener(listener);
    }

    /** {@return a recorder of this thread's rollback reports, already listening} */
    public static RollbackReports record() {
        return new RollbackReports();
    }

    /** {@return every report so far, oldest first} */
    public List<RollbackReport> all() {
        synchronized (reports) {
            return List.copyOf(reports);
        }
    }

    /**
     * {@return the newest report}
     *
     * @throws AssertionFailedError when no rollback has happened on this thread
     */
    public RollbackReport last() {
        List<RollbackReport> all = all();
        if (all.isEmpty()) {
            throw new AssertionFailedError("no rollback has run on thread '" + thread.getName() + "' since the reports"
                    + " were recorded; accepted: a scenario that rolls back before reports are asserted");
        }
        return all.get(all.size() - 1);
    }

    /** Stops listening; the reports recorded so far stay readable. */
    @Override
    public void close() {
        Rollback.removeListener(listener);
    }
}
