package dev.rollback.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads what a verified journal says about rollbacks.
 */
public final class JournalReader {

    private JournalReader() {
    }

    /**
     * Lists the rollbacks that started but never ended, naming the compensations not yet run.
     * Compensations run in the order the start entry lists them, so those with no entry are the
     * ones after the last that has one.
     *
     * @param journal the journal file
     * @return the unfinished rollbacks, in the order they started
     * @throws NullPointerException  when {@code journal} is {@code null}
     * @throws AuditJournalException when the journal does not verify, or an entry does not fit the
     *                               rollback it names; the message names the line
     * @throws IOException           when the journal cannot be read
     */
    public static List<UnfinishedRollback> unfinishedRollbacks(Path journal) throws IOException {
        Objects.requireNonNull(journal, "journal");
        Map<String, Progress> open = new LinkedHashMap<>();
        Verification verification = JournalWalk.walk(journal, (line, entry) -> {
            String operationId = entry.text("op");
            switch (entry.type()) {
                case ParsedEntry.START -> open.put(operationId, new Progress(entry.text("name"), line, entry.planned()));
                case ParsedEntry.COMPENSATION -> {
                    Progress progress = open.get(operationId);
                    if (progress == null) {
                        return "it records a compensation of operation " + operationId + ", which has no start entry before it";
                    }
                    if (entry.number("index") != progress.ended.size() || progress.ended.size() >= progress.planned.size()) {
                        return "it records compensation " + entry.number("index") + " of operation " + operationId
                                + ", but " + progress.ended.size() + " of its " + progress.planned.size() + " have entries";
                    }
                    progress.ended.add(entry.text("description"));
                }
                default -> open.remove(operationId);
            }
            return null;
        });
        if (!verification.isValid()) {
            throw new AuditJournalException("journal " + journal + " cannot be read as a record of rollbacks: "
                    + verification.problem().orElseThrow(), null);
        }
        List<UnfinishedRollback> unfinished = new ArrayList<>();
        open.forEach((operationId, progress) -> unfinished.add(new UnfinishedRollback(operationId, progress.name,
                progress.startLine, progress.planned, progress.ended,
                progress.planned.subList(progress.ended.size(), progress.planned.size()))));
        return unfinished;
    }

    private static final class Progress {
        final String name;
        final long startLine;
        final List<String> planned;
        final List<String> ended = new ArrayList<>();

        Progress(String name, long startLine, List<String> planned) {
            this.name = name;
            this.startLine = startLine;
            this.planned = planned;
        }
    }
}
