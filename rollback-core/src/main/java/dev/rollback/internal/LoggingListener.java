package dev.rollback.internal;

import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The default listener: one WARN line when a rollback starts, one line per compensation (INFO when
 * it succeeded, ERROR otherwise) and a summary (INFO when complete, ERROR otherwise), on the logger
 * {@code dev.rollback}. The operation id is in the MDC under {@code rollback.operationId} while
 * compensations run. Silence it by setting that logger's level.
 */
final class LoggingListener implements RollbackListener {

    /** Created at the first rollback, not at the first scope: SLF4J starts (and may warn of a missing provider) only when there is something to log. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger("dev.rollback");
    }

    /*
     * The rollback asks these before it builds what the callbacks take. A logging backend that
     * fails to answer must not stop a rollback: the answer is then yes, so that the callback is
     * called, fails the same way inside the listeners' guard, and its failure is attached to what
     * leaves the scope, as every listener failure is.
     */

    /** @return whether {@link #onRollbackStart} logs anything */
    boolean logsStart() {
        try {
            return Log.LOG.isWarnEnabled();
        } catch (RuntimeException | LinkageError e) {
            return true; // reported by the callback, which fails again
        }
    }

    /** @return whether {@link #onCompensation} logs a compensation that succeeded, or one that did not */
    boolean logsCompensation(boolean succeeded) {
        try {
            return succeeded ? Log.LOG.isInfoEnabled() : Log.LOG.isErrorEnabled();
        } catch (RuntimeException | LinkageError e) {
            return true; // reported by the callback, which fails again
        }
    }

    /** @return whether {@link #onRollback} logs the summary of a complete rollback, or of an incomplete one */
    boolean logsSummary(boolean complete) {
        try {
            return complete ? Log.LOG.isInfoEnabled() : Log.LOG.isErrorEnabled();
        } catch (RuntimeException | LinkageError e) {
            return true; // reported by the callback, which fails again
        }
    }

    @Override
    public void onRollbackStart(String operationId, String name, List<String> compensations, Optional<Throwable> cause) {
        if (Log.LOG.isWarnEnabled()) {
            Log.LOG.warn("Rolling back '{}' [{}]: {} compensation(s), cause: {}", name, operationId, compensations.size(),
                    cause.map(Throwable::toString).orElse("closed without commit"));
        }
    }

    @Override
    public void onCompensation(String operationId, CompensationResult result) {
        boolean succeeded = result.outcome() == Outcome.SUCCEEDED;
        if (succeeded ? !Log.LOG.isInfoEnabled() : !Log.LOG.isErrorEnabled()) {
            return;
        }
        if (succeeded) {
            Log.LOG.info(line(result));
        } else {
            Log.LOG.error(line(result), result.error().orElse(null));
        }
    }

    @Override
    public void onRollback(RollbackReport report) {
        if (report.isComplete() ? !Log.LOG.isInfoEnabled() : !Log.LOG.isErrorEnabled()) {
            return; // formatting the summary costs more than many compensations
        }
        String summary = String.format(Locale.ROOT, "Rollback of '%s' [%s] %s: %.1f%% complete, %d compensation(s) in %d ms",
                report.name(), report.operationId(), report.isComplete() ? "done" : "INCOMPLETE",
                report.completeness(), report.actions().size(), report.duration().toMillis());
        if (report.isComplete()) {
            Log.LOG.info(summary);
        } else {
            Log.LOG.error(summary);
        }
    }

    private static String line(CompensationResult result) {
        return String.format(Locale.ROOT, "  %s: priority=%d outcome=%s attempts=%d duration=%d ms",
                result.description(), result.priority(), result.outcome(), result.attempts(), result.duration().toMillis());
    }
}
