package dev.rollback;

import java.time.Duration;

/**
 * A compensation as it was recorded, shown to {@link RollbackListener#onRecord}: what it undoes,
 * how it runs, and the undo itself. Not meant to be implemented outside Rollback.
 */
public interface RecordedCompensation {

    /** {@return what it undoes, as reports will show it} */
    String description();

    /** {@return its priority; higher runs first} */
    int priority();

    /** {@return the time limit of one attempt; {@link Duration#ZERO} for none} */
    Duration timeout();

    /** {@return the extra attempts after a failure} */
    int retries();

    /**
     * {@return the undo action itself: running it does what the rollback would do for this record
     *         (one attempt, inline), independently of the record, which stays in its scope}
     */
    Compensation undo();
}
