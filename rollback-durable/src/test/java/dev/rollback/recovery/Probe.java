package dev.rollback.recovery;

import dev.rollback.annotation.Compensate;
import dev.rollback.durable.internal.JournalStore;
import dev.rollback.durable.internal.ScopeState;
import dev.rollback.durable.internal.StepState;

import java.util.ArrayList;
import java.util.List;

/** {@code @Compensate} calls that look at the journal while they run and while they are undone. */
public class Probe {

    static JournalStore store;
    static final List<String> seen = new ArrayList<>();

    @Compensate(value = "undo", priority = 1)
    public String open(String name) {
        seen.add("body " + name + ": " + statuses());
        return "opened-" + name;
    }

    void undo(String opened, String name) {
        seen.add("undo " + opened + " " + dev.rollback.Rollback.idempotencyKey() + ": " + statuses());
    }

    /** @return each open scope's steps as {@code STATUS(result)} */
    static String statuses() {
        List<String> all = new ArrayList<>();
        for (ScopeState scope : store.read().open()) {
            for (StepState step : scope.steps()) {
                all.add(step.status() + "(" + step.encodedResult().orElse("-") + ")");
            }
        }
        return String.join(" ", all);
    }
}
