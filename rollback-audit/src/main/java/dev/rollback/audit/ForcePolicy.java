package dev.rollback.audit;

/**
 * When {@link AuditListener} forces the journal to the storage device ({@code FileChannel.force}).
 * Either way every entry is written to the file, unbuffered, before the listener returns, so a
 * process killed outright (SIGKILL) loses no entry it wrote; forcing protects against losing the
 * system itself (power cut, kernel crash).
 */
public enum ForcePolicy {

    /**
     * Force after every entry: after a crash of the system, the journal still names the
     * compensations that ran up to the last one, and every rollback that started shows as started.
     * The default.
     */
    EVERY_ENTRY,

    /**
     * Force only after a rollback's end entry: cheaper, but a system crash during a rollback may
     * lose the entries of that rollback written since the last force.
     */
    END_OF_ROLLBACK
}
