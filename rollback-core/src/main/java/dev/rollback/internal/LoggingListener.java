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

    static final Logger LOG = LoggerFactory.getLogger("dev.rollback");

    @Override
    public void onRollbackStart(String operationId, String name, List<String> compensations, Optional<Throwable> cause) {
        if (LOG.isWarnEnabled()) {
            LOG.warn("Rolling back '{}' [{}]: {} compensation(s), cause: {}", name, operationId, compensations.size(),
                    cause.map(Throwable::toString).orElse("closed without commit"));
        }
    }

    @Override
    public void onCompensation(String operationId, CompensationResult result) {
        if (result.outcome() == Outcome.SUCCEEDED) {
            if (LOG.isInfoEnabled()) {
                LOG.info(line(result));
            }
        } else if (LOG.isErrorEnabled()) {
            LOG.error(line(result), result.error().orElse(null));
        }
    }

    @Override
    public void onRollback(RollbackReport report) {
        if (report.isComplete() ? !LOG.isInfoEnabled() : !LOG.isErrorEnabled()) {
            return; // formatting the summary costs more than many compensations
        }
        String summary = String.format(Locale.ROOT, "Rollback of '%s' [%s] %s: %.1f%% complete, %d compensation(s) in %d ms",
                report.name(), report.operationId(), report.isComplete() ? "done" : "INCOMPLETE",
                report.completeness(), report.actions().size(), report.duration().toMillis());
        if (report.isComplete()) {
            LOG.info(summary);
        } else {
            LOG.error(summary);
        }
    }

    private static String line(CompensationResult result) {
        return String.format(Locale.ROOT, "  %s: priority=%d outcome=%s attempts=%d duration=%d ms",
                result.description(), result.priority(), result.outcome(), result.attempts(), result.duration().toMillis());
    }
}
