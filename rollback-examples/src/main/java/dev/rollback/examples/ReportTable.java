package dev.rollback.examples;

import dev.rollback.CompensationResult;
import dev.rollback.RollbackReport;

import java.util.Locale;

/**
 * A rollback report as a table: action, priority, outcome, attempts, duration.
 */
final class ReportTable {

    private static final int ACTION_WIDTH = 64;

    private ReportTable() {
    }

    static String render(RollbackReport report) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "  rollback of '%s' [%s]: %.1f%% complete, %d action(s) in %d ms%n",
                report.name(), report.operationId(), report.completeness(), report.actions().size(),
                report.duration().toMillis()));
        table.append(String.format(Locale.ROOT, "  %-" + ACTION_WIDTH + "s %8s  %-9s %8s %9s%n",
                "action", "priority", "outcome", "attempts", "duration"));
        for (CompensationResult action : report.actions()) {
            table.append(String.format(Locale.ROOT, "  %-" + ACTION_WIDTH + "s %8d  %-9s %8d %6d ms%n",
                    shorten(action.description()), action.priority(), action.outcome(), action.attempts(),
                    action.duration().toMillis()));
            action.error().ifPresent(error -> table.append("      error: ").append(error).append(System.lineSeparator()));
        }
        return table.toString();
    }

    private static String shorten(String text) {
        return text.length() <= ACTION_WIDTH ? text : text.substring(0, ACTION_WIDTH - 3) + "...";
    }
}
