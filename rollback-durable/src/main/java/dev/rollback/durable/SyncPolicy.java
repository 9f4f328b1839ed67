package dev.rollback.durable;

/**
 * When the file journal forces its entries to the storage device ({@code FileChannel.force}).
 * Every entry is written to the file before the call that journals it returns, whatever the
 * policy, so a process killed outright (SIGKILL, {@code halt}, OOM killer) loses nothing it
 * journaled; forcing is what survives a power cut or a kernel crash. The JDBC journal commits each
 * entry, and its database decides.
 */
public enum SyncPolicy {

    /**
     * The default: each entry that must be durable (an intent, a record, a compensation's success,
     * a scope's closing) is written and forced before the call returns, one entry at a time. The
     * safest, and the slowest when many threads journal at once.
     */
    EACH_RECORD,

    /**
     * The same guarantee (no call returns before its entry is forced), but threads that journal at
     * the same moment share one force: while one thread forces, the others write, and the next
     * force covers all of them. Faster under concurrency, the same alone.
     */
    GROUP_COMMIT,

    /**
     * Entries are written, never forced: a killed process loses nothing, but a power cut or a kernel
     * crash may lose the last entries, and recovery may then miss compensations (a record lost) or
     * run some again (a compensation's success lost). For tests and for data that can be rebuilt.
     */
    WRITE_ONLY
}
