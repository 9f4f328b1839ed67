package dev.rollback.durable.internal;

import java.time.Instant;

/** One entry of a scope's chain; each kind says what it records. */
public sealed interface Entry {

    /** @return the scope whose chain it belongs to */
    String scope();

    /** @return when it was written */
    Instant time();

    /** @return whether it must be on the storage device before the call that writes it returns */
    boolean forced();

    /** A scope opened: its first entry. Forced with the scope's first intent, which follows it in the same file. */
    record Opened(String scope, Instant time, String operation, Owner owner, String parent) implements Entry {
        @Override
        public boolean forced() {
            return false;
        }
    }

    /** A {@code @Compensate} call about to run its body: forced before the body runs (D1). */
    record Intent(String scope, Instant time, int step, StepIntent intent) implements Entry {
        @Override
        public boolean forced() {
            return true;
        }
    }

    /** A {@code @Compensate} call returned: forced before it returns to its caller (D1). */
    record Recorded(String scope, Instant time, int step, String result, long order) implements Entry {
        @Override
        public boolean forced() {
            return true;
        }
    }

    /**
     * A nested scope completed: its steps not yet compensated now belong to the scope it was opened
     * in. Forced with that scope's next forced entry; until then the nested scope reads as open, and
     * recovery undoes it first, which is the same undoing.
     */
    record HandedOver(String scope, Instant time, String to) implements Entry {
        @Override
        public boolean forced() {
            return false;
        }
    }

    /** A compensation succeeded, live or in recovery: forced before the next one starts (D2). */
    record Compensated(String scope, Instant time, StepKey step) implements Entry {
        @Override
        public boolean forced() {
            return true;
        }
    }

    /** A recoverer took a dead holder's scope. Forced with its first compensation. */
    record Claimed(String scope, Instant time, Owner claimer) implements Entry {
        @Override
        public boolean forced() {
            return false;
        }
    }

    /** A scope closed: its last entry, forced before the scope's method returns. */
    record Closed(String scope, Instant time, ScopeOutcome outcome) implements Entry {
        @Override
        public boolean forced() {
            return true;
        }
    }
}
