package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.internal.ChainedEntry;
import dev.rollback.durable.internal.Entry;
import dev.rollback.durable.internal.EntrySinks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores each entry as a row, committed before the call that journals it returns; an opening also
 * inserts its scope's row, a closing or hand-over updates it, in the same transaction. The primary
 * key {@code (scope_id, position)} refuses a second entry at one place of a chain.
 */
final class JdbcSink implements EntrySinks.Sink {

    private final Database database;
    private final String ownerId;
    private final AtomicLong order = new AtomicLong();

    JdbcSink(Database database, String ownerId) {
        this.database = database;
        this.ownerId = ownerId;
    }

    @Override
    public long store(ChainedEntry entry) {
        return database.transaction("store entry " + entry.position() + " of scope " + entry.entry().scope(), connection -> {
            if (entry.entry() instanceof Entry.Opened opened) {
                insertScope(connection, opened);
            } else if (entry.entry() instanceof Entry.Closed) {
                updateState(connection, entry.entry().scope(), "CLOSED");
            } else if (entry.entry() instanceof Entry.HandedOver) {
                updateState(connection, entry.entry().scope(), "HANDED_OVER");
            }
            insertEntry(connection, database.tables(), entry);
            return 0L;
        });
    }

    static void insertEntry(Connection connection, Tables tables, ChainedEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.entry()
                + " (scope_id, position, kind, payload) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, entry.entry().scope());
            insert.setInt(2, entry.position());
            insert.setString(3, entry.entry().getClass().getSimpleName());
            insert.setString(4, new String(entry.payload(), StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    private void insertScope(Connection connection, Entry.Opened opened) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + database.tables().scope()
                + " (scope_id, parent_id, owner_id, holder_id, state, opened_at) VALUES (?, ?, ?, ?, 'OPEN', ?)")) {
            insert.setString(1, opened.scope());
            insert.setString(2, opened.parent());
            insert.setString(3, ownerId);
            insert.setString(4, ownerId);
            insert.setTimestamp(5, Timestamp.from(opened.time()));
            insert.executeUpdate();
        }
    }

    private void updateState(Connection connection, String scope, String state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + database.tables().scope()
                + " SET state = ? WHERE scope_id = ?")) {
            update.setString(1, state);
            update.setString(2, scope);
            update.executeUpdate();
        }
    }

    @Override
    public void awaitForced(long ticket) {
        // each entry's transaction committed in store(): the database made it durable then
    }

    @Override
    public long nextOrder() {
        return order.getAndIncrement();
    }
}
