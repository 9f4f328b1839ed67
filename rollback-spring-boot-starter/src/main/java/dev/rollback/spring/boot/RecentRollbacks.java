package dev.rollback.spring.boot;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most recent rollback reports of this JVM, and counts since the context started: what the
 * {@code rollbacks} endpoint and the health indicator show. A listener, registered like every
 * {@link RollbackListener} bean.
 */
public final class RecentRollbacks implements RollbackListener {

    private final int keep;
    private final Deque<RollbackReport> reports;
    private final AtomicLong rollbacks = new AtomicLong();
    private final AtomicLong incomplete = new AtomicLong();
    private final AtomicLong failedCompensations = new AtomicLong();
    private volatile RollbackReport lastIncomplete;

    /**
     * Creates the store of recent reports.
     *
     * @param keep how many reports are kept, 0 or more
     * @throws IllegalArgumentException when it is negative
     */
    public RecentRollbacks(int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("rollback.reports.keep=" + keep + "; accepted: 0 or more");
        }
        this.keep = keep;
        this.reports = new ArrayDeque<>(Math.min(keep, 1024));
    }

    @Override
    public void onRollback(RollbackReport report) {
        rollbacks.incrementAndGet();
        long failed = report.actions().stream().map(CompensationResult::outcome).filter(o -> o != Outcome.SUCCEEDED).count();
        if (failed > 0) {
            failedCompensations.addAndGet(failed);
            incomplete.incrementAndGet();
            lastIncomplete = report;
        }
        if (keep == 0) {
            return;
        }
        synchronized (reports) {
            if (reports.size() == keep) {
                reports.removeLast();
            }
            reports.addFirst(report);
        }
    }

    /** {@return the kept reports, newest first} */
    public List<RollbackReport> reports() {
        synchronized (reports) {
            return Collections.unmodifiableList(new ArrayList<>(reports));
        }
    }

    /**
     * {@return its report, if it is among the kept ones}
     *
     * @param operationId an operation id
     */
    public Optional<RollbackReport> report(String operationId) {
        synchronized (reports) {
            return reports.stream().filter(r -> r.operationId().equals(operationId)).findFirst();
        }
    }

    /** {@return how many rollbacks ended since the context started} */
    public long rollbacks() {
        return rollbacks.get();
    }

    /** {@return how many of them were incomplete} */
    public long incompleteRollbacks() {
        return incomplete.get();
    }

    /** {@return how many compensations failed or timed out since the context started} */
    public long failedCompensations() {
        return failedCompensations.get();
    }

    /** {@return what the health indicator shows} */
    Map<String, Object> healthDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rollbacks", rollbacks());
        details.put("incompleteRollbacks", incompleteRollbacks());
        details.put("failedCompensations", failedCompensations());
        RollbackReport last = lastIncomplete;
        if (last != null) {
            Map<String, Object> lastDetails = new LinkedHashMap<>();
            lastDetails.put("operationId", last.operationId());
            lastDetails.put("name", last.name());
            lastDetails.put("ended", last.start().plus(last.duration()).toString());
            lastDetails.put("completeness", last.completeness());
            details.put("lastIncomplete", lastDetails);
        }
        return details;
    }
}
