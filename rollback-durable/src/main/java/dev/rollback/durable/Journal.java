package dev.rollback.durable;

import dev.rollback.durable.internal.file.FileStore;
import dev.rollback.durable.internal.jdbc.JdbcStore;

import javax.sql.DataSource;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where durable scopes are journaled, so that {@code DurableRollback.recover()} can undo what a
 * process that died left behind. Made by the factories here; not for applications to implement.
 *
 * <pre>{@code
 * Journal journal = Journal.file(Path.of("/var/lib/acme/rollback"));       // embedded: a write-ahead log
 * Journal journal = Journal.file(dir, SyncPolicy.GROUP_COMMIT);             // forces shared by threads
 * Journal journal = Journal.jdbc(dataSource);                               // PostgreSQL or H2
 * Journal journal = Journal.jdbc(dataSource, JdbcOptions.defaults().schema("ops").tablePrefix("rb_"));
 * }</pre>
 *
 * <p>A journal is safe for concurrent use, and many processes may share one (a directory, or a
 * database): each keeps to its own scopes while it lives. Close it when the application stops; its
 * scopes still open then are left for recovery.
 */
public sealed interface Journal extends AutoCloseable permits StoreJournal {

    /**
     * The file journal with {@link SyncPolicy#EACH_RECORD}.
     *
     * @param directory the journal directory, created {@code rwx------} when missing
     * @return the journal, open
     * @throws NullPointerException when {@code directory} is {@code null}
     * @throws JournalException     when the directory or a file in it may be used by others (D8),
     *                              cannot be created, or this process has a journal open on it
     */
    static Journal file(Path directory) {
        return file(directory, SyncPolicy.EACH_RECORD);
    }

    /**
     * The file journal: one segment file per process in {@code directory}, entries checksummed,
     * hash-chained per scope and forced as {@code policy} says.
     *
     * @param directory the journal directory, created {@code rwx------} when missing
     * @param policy    when entries are forced to the storage device
     * @return the journal, open
     * @throws NullPointerException when an argument is {@code null}
     * @throws JournalException     when the directory or a file in it may be used by others (D8),
     *                              cannot be created, or this process has a journal open on it
     */
    static Journal file(Path directory, SyncPolicy policy) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(policy, "policy");
        return new StoreJournal(FileStore.open(directory, policy, FileStore.DEFAULT_SEGMENT_SIZE));
    }

    /**
     * The JDBC journal with {@link JdbcOptions#defaults()}.
     *
     * @param dataSource where the tables are (or are to be created)
     * @return the journal, open
     * @throws NullPointerException when {@code dataSource} is {@code null}
     * @throws JournalException     when the tables cannot be created or written
     */
    static Journal jdbc(DataSource dataSource) {
        return jdbc(dataSource, JdbcOptions.defaults());
    }

    /**
     * The JDBC journal: one row per entry in three tables, created when absent (the DDL is
     * {@code dev/rollback/durable/jdbc-schema.sql} in this jar), each entry committed before the
     * call that journals it returns. Tested on PostgreSQL 15 and H2 2.3.
     *
     * @param dataSource where the tables are (or are to be created)
     * @param options    schema, table prefix and owner lease
     * @return the journal, open
     * @throws NullPointerException when an argument is {@code null}
     * @throws JournalException     when the tables cannot be created or written
     */
    static Journal jdbc(DataSource dataSource, JdbcOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        return new StoreJournal(JdbcStore.open(dataSource, options.tables(), options.lease()));
    }

    /**
     * Removes what only closed scopes still need: the file journal's segments whose scopes are all
     * closed (a process's current segment stays while it writes it), the JDBC journal's rows of
     * closed scopes. Safe while other processes use the journal.
     *
     * @return how many segments, or scopes, were removed
     * @throws JournalException when the journal cannot be read or changed
     */
    int compact();

    /** {@return where the journal is: the directory, or the data source and its tables} */
    String location();

    /**
     * Closes the journal. The scopes this process still has open are then a dead owner's: the
     * next {@code recover()}, here or in another process, undoes them.
     *
     * @throws JournalException when the last entries cannot be forced
     */
    @Override
    void close();
}
