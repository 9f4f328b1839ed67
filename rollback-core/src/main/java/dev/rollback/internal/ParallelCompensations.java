package dev.rollback.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rollback of a scope with {@code parallelCompensation}: priority groups one after another,
 * highest first, and the compensations of one group concurrently, at most {@link #parallelism()}
 * at a time.
 *
 * <p>The workers come from one pool shared by every rollback of the JVM, whose threads end when
 * idle. The rolling-back thread works through its group too and takes whatever no worker has
 * started, so a rollback finishes even when the pool is busy with other rollbacks (or with the
 * rollback of a scope that a compensation itself opened): it never waits for a worker that has not
 * started. Results are handed to the listeners on the rolling-back thread, in running order, once
 * the group has ended.
 */
public final class ParallelCompensations {

    private static final int DEFAULT_PARALLELISM = 16;
    private static final ThreadPoolExecutor WORKERS = workers();
    private static volatile int parallelism = DEFAULT_PARALLELISM;

    private ParallelCompensations() {
    }

    static int parallelism() {
        return parallelism;
    }

    /**
     * @param limit how many compensations of one rollback may run at once, the rolling-back thread included
     * @throws IllegalArgumentException when it is below 1
     */
    public static synchronized void setParallelism(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("parallelism " + limit + "; accepted: 1 or more"
                    + " (1 runs equal priorities one after another)");
        }
        if (limit > WORKERS.getMaximumPoolSize()) {
            WORKERS.setMaximumPoolSize(limit);
            WORKERS.setCorePoolSize(limit);
        } else {
            WORKERS.setCorePoolSize(limit);
            WORKERS.setMaximumPoolSize(limit);
        }
        parallelism = limit;
    }

    static void run(Record[] records, int count, Compensator own, RollbackRun.Outcomes outcomes, String operationId) {
        int from = 0;
        while (from < count) {
            int to = from + 1;
            while (to < count && records[to].priority() == records[from].priority()) {
                to++;
            }
            Group group = new Group(records, from, to, operationId);
            for (int helpers = Math.min(to - from, parallelism) - 1; helpers > 0; helpers--) {
                WORKERS.execute(group::work);
            }
            group.work(own);
            own.interruptPending |= group.awaitAll();
            for (int i = from; i < to; i++) {
                outcomes.ended(i, records[i], group.attempted[i - from]);
            }
            from = to;
        }
    }

    /** One priority group: whoever is free takes the next compensation not yet started. */
    private static final class Group {
        private final Record[] records;
        private final int from;
        private final String operationId;
        private final AtomicInteger next = new AtomicInteger();
        private final Compensator.Attempted[] attempted;
        private int finished; // guarded by this

        Group(Record[] records, int from, int to, String operationId) {
            this.records = records;
            this.from = from;
            this.operationId = operationId;
            this.attempted = new Compensator.Attempted[to - from];
        }

        /** On a pool thread. */
        void work() {
            String previousId = RollbackRun.Mdc.enter(operationId);
            try {
                work(new Compensator(operationId));
            } finally {
                RollbackRun.Mdc.leave(previousId);
                Thread.interrupted(); // an interrupt meant for a compensation must not reach the pool's next task
            }
        }

        void work(Compensator compensator) {
            for (int i = next.getAndIncrement(); i < attempted.length; i = next.getAndIncrement()) {
                Compensator.Attempted result = compensator.attempt(records[from + i]);
                synchronized (this) {
                    attempted[i] = result;
                    if (++finished == attempted.length) {
                        notifyAll();
                    }
                }
            }
        }

        /** @return whether the waiting thread was interrupted meanwhile */
        synchronized boolean awaitAll() {
            boolean interrupted = false;
            while (finished < attempted.length) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // restored by the rollback when it ends
                }
            }
            return interrupted;
        }
    }

    private static ThreadPoolExecutor workers() {
        AtomicLong threads = new AtomicLong();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "rollback-parallel-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(DEFAULT_PARALLELISM, DEFAULT_PARALLELISM, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
