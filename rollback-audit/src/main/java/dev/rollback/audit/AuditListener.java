package dev.rollback.audit;

import dev.rollback.CompensationResult;
import dev.rollback.RollbackListener;
import dev.rollback.RollbackReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RollbackListener} that appends every rollback to a tamper-evident journal: a
 * {@code start} entry naming the compensations about to run, one {@code compensation} entry per
 * compensation once it has ended (never before), and an {@code end} entry with the completeness.
 * Each entry carries the SHA-256 of the one before, so {@link AuditVerifier} detects a changed,
 * deleted, inserted or reordered entry; keep {@link #head()} elsewhere to detect a cut-off end.
 * The format is described in the module's README.
 *
 * <pre>{@code
 * AuditListener audit = AuditListener.open(Path.of("/var/log/app/rollbacks.journal"));
 * Rollback.addListener(audit);
 * }</pre>
 *
 * <p>Rollbacks on many threads may share one listener: their entries interleave, the chain stays
 * valid. Each entry is written to the file before the callback returns, and forced to the device
 * as {@link ForcePolicy} says.
 *
 * <p>When an entry cannot be written (disk full, file removed, device error), the callback throws
 * {@link AuditJournalException}: the rollback still runs every compensation, and the engine
 * attaches the exception, suppressed, to the throwable that leaves the scope. A partly written
 * entry is cut off again where possible, and from then on the listener refuses every entry with an
 * {@code AuditJournalException}, so that no rollback goes unrecorded without an error. Open a new
 * listener on the journal once the cause is fixed.
 */
public final class AuditListener implements RollbackListener, AutoCloseable {

    private final JournalAppender appender;
    private final Map<String, Integer> nextIndex = new ConcurrentHashMap<>();

    private AuditListener(JournalAppender appender) {
        this.appender = appender;
    }

    /**
     * Opens a journal with {@link ForcePolicy#EVERY_ENTRY}.
     *
     * @param journal the journal file; created when missing, verified and extended when present
     * @return the listener; add it with {@link dev.rollback.Rollback#addListener(RollbackListener)}
     * @throws NullPointerException  when {@code journal} is {@code null}
     * @throws AuditJournalException when the journal exists but does not verify; the message names
     *                               the first bad entry
     * @throws IOException           when the journal cannot be read or opened for writing
     */
    public static AuditListener open(Path journal) throws IOException {
        return open(journal, ForcePolicy.EVERY_ENTRY);
    }

    /**
     * Opens a journal.
     *
     * @param journal the journal file; created when missing, verified and extended when present
     * @param force   when entries are forced to the storage device
     * @return the listener
     * @throws NullPointerException  when an argument is {@code null}
     * @throws AuditJournalException when the journal exists but does not verify
     * @throws IOException           when the journal cannot be read or opened for writing
     */
    public static AuditListener open(Path journal, ForcePolicy force) throws IOException {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(force, "force");
        JournalHead head = JournalHead.empty();
        if (Files.isRegularFile(journal) && Files.size(journal) > 0) {
            Verification existing = AuditVerifier.verify(journal);
            if (!existing.isValid()) {
                throw new AuditJournalException("journal " + journal + " does not verify, so it is not extended: "
                        + existing.problem().orElseThrow() + "; keep it as evidence and open a new journal", null);
            }
            head = existing.head();
        }
        return new AuditListener(JournalAppender.open(journal, head, force));
    }

    /** {@return the journal file} */
    public Path journal() {
        return appender.journal();
    }

    /** {@return the head after the last entry written: keep it elsewhere to detect a cut-off end} */
    public JournalHead head() {
        return appender.head();
    }

    /**
     * Appends the rollback's {@code start} entry, with the compensations it plans to run.
     *
     * @throws AuditJournalException when the entry cannot be written
     */
    @Override
    public void onRollbackStart(String operationId, String name, List<String> compensations, Optional<Throwable> cause) {
        nextIndex.put(operationId, 0);
        appender.append(operationId, ParsedEntry.START, false, json -> {
            json.writeStringField("name", name);
            json.writeArrayFieldStart("planned");
            for (String description : compensations) {
                json.writeString(description);
            }
            json.writeEndArray();
            json.writeStringField("cause", cause.map(Throwable::toString).orElse(null));
        });
    }

    /**
     * Appends the {@code compensation} entry of one compensation that has ended.
     *
     * @throws AuditJournalException when the entry cannot be written
     */
    @Override
    public void onCompensation(String operationId, CompensationResult result) {
        int index = nextIndex.merge(operationId, 1, Integer::sum) - 1;
        appender.append(operationId, ParsedEntry.COMPENSATION, false, json -> {
            json.writeNumberField("index", index);
            json.writeStringField("description", result.description());
            json.writeNumberField("priority", result.priority());
            json.writeStringField("outcome", result.outcome().name());
            json.writeNumberField("attempts", result.attempts());
            json.writeNumberField("durationMillis", result.duration().toMillis());
            json.writeStringField("error", result.error().map(Throwable::toString).orElse(null));
        });
    }

    /**
     * Appends the rollback's {@code end} entry, and forces it to the storage device.
     *
     * @throws AuditJournalException when the entry cannot be written or forced
     */
    @Override
    public void onRollback(RollbackReport report) {
        nextIndex.remove(report.operationId());
        appender.append(report.operationId(), ParsedEntry.END, true, json -> {
            json.writeBooleanField("complete", report.isComplete());
            json.writeNumberField("completeness", report.completeness());
            json.writeNumberField("compensations", report.actions().size());
            json.writeNumberField("durationMillis", report.duration().toMillis());
        });
    }

    /**
     * Closes the journal file; later callbacks throw {@link AuditJournalException}. Remove the
     * listener from {@link dev.rollback.Rollback} first.
     *
     * @throws IOException when closing the file fails
     */
    @Override
    public void close() throws IOException {
        appender.close();
    }

}
