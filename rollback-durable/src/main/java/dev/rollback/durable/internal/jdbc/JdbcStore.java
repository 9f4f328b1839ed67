package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.JournalException;
import dev.rollback.durable.internal.Claim;
import dev.rollback.durable.internal.EntrySinks;
import dev.rollback.durable.internal.HeldClaim;
import dev.rollback.durable.internal.JournalState;
import dev.rollback.durable.internal.JournalStore;
import dev.rollback.durable.internal.LiveScope;
import dev.rollback.durable.internal.Owner;
import dev.rollback.durable.internal.ScopeState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDBC journal: tables created when absent ({@code jdbc-schema.sql}), one row per entry, each
 * committed before the call that journals it returns. A claim is a conditional update of the
 * scope's holder from the dead holder read to this owner: of two recoverers, one update wins.
 */
public final class JdbcStore implements JournalStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private final Database database;
    private final Owner owner;
    private final Liveness liveness;
    private final JdbcSink sink;
    private final ScheduledExecutorService heartbeat;
    private final AtomicLong scopes = new AtomicLong();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private JdbcStore(Database database, Owner owner, Duration lease) {
        this.database = database;
        this.owner = owner;
        this.liveness = new Liveness(database, lease);
        this.sink = new JdbcSink(database, owner.id());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rollback-journal-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param dataSource where the tables are
     * @param tables     their names
     * @param lease      how long an owner on another machine counts as alive after its last heartbeat
     * @return the journal, open: its tables exist, its owner row is written and its heartbeat runs
     * @throws JournalException when the tables cannot be created or written
     */
    public static JdbcStore open(DataSource dataSource, Tables tables, Duration lease) {
        Database database = new Database(dataSource, tables);
        createTables(database);
        JdbcStore store = new JdbcStore(database, Owner.draw(), lease);
        store.insertOwner();
        long period = Math.max(1, lease.toMillis() / 3);
        store.heartbeat.scheduleAtFixedRate(store::beat, period, period, TimeUnit.MILLISECONDS);
        return store;
    }

    private static void createTables(Database database) {
        if (tablesExist(database)) {
            return; // no CREATE needed, so a user with only the documented grants opens the journal
        }
        try {
            database.transaction("create its tables", connection -> {
                try (Statement statement = connection.createStatement()) {
                    for (String ddl : database.tables().ddl()) {
                        statement.execute(ddl);
                    }
                }
                return null;
            });
        } catch (JournalException e) {
            // two processes creating the tables at once: one of them fails, and then finds them there
            try {
                database.transaction("find its tables after creating them failed", connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeQuery("SELECT COUNT(*) FROM " + database.tables().entry()).close();
                    }
                    return null;
                });
            } catch (JournalException missing) {
                missing.addSuppressed(e);
                throw missing;
            }
        }
    }

    private static boolean tablesExist(Database database) {
        Tables tables = database.tables();
        for (String table : new String[] {tables.owner(), tables.scope(), tables.entry()}) {
            try {
                database.transaction("find table " + table, connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
                    }
                    return null;
                });
            } catch (JournalException missing) {
                return false; // a missing table is why the DDL runs next; its failure, if any, is reported then
            }
        }
        return true;
    }

    private void insertOwner() {
        database.transaction("insert its owner row", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + database.tables().owner()
                    + " (owner_id, machine, pid, process_start, opened_at, heartbeat_at) VALUES (?, ?, ?, ?,"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                insert.setString(1, owner.id());
                insert.setString(2, owner.machine());
                insert.setLong(3, owner.pid());
                insert.setString(4, owner.processStart() == null ? null : owner.processStart().toString());
                insert.executeUpdate();
            }
            return null;
        });
    }

    private void beat() {
        try {
            setOwnerTime("heartbeat_at");
        } catch (JournalException e) {
            LOG.warn("the heartbeat of {} failed: owners on other machines may take this one for dead once its lease"
                    + " runs out", owner, e);
        }
    }

    private void setOwnerTime(String column) {
        database.transaction("update its owner row", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + database.tables().owner() + " SET "
                    + column + " = CURRENT_TIMESTAMP WHERE owner_id = ?")) {
                update.setString(1, owner.id());
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Owner owner() {
        return owner;
    }

    @Override
    public String location() {
        Tables tables = database.tables();
        return "JDBC journal (tables " + tables.owner() + ", " + tables.scope() + ", " + tables.entry() + ")";
    }

    @Override
    public LiveScope open(String operation, LiveScope parent) {
        requireOpen();
        return EntrySinks.open(sink, owner.id() + "-" + scopes.incrementAndGet(), operation, owner, parent);
    }

    @Override
    public JournalState read() {
        return ChainReader.read(database, "s.state <> 'CLOSED'");
    }

    @Override
    public boolean isAlive(Owner other) {
        return isAlive(other.id());
    }

    boolean isAlive(String ownerId) {
        return ownerId.equals(owner.id()) ? !closed : liveness.isAlive(ownerId);
    }

    @Override
    public Optional<Claim> claim(String scopeId) {
        requireOpen();
        if (!claimed.add(scopeId)) {
            return Optional.empty();
        }
        try {
            Optional<ScopeState> scope = take(scopeId).flatMap(taken -> read().scope(scopeId));
            if (scope.isPresent()) {
                return Optional.of(new HeldClaim(scope.get(), EntrySinks.resume(sink, scope.get(), owner),
                        () -> claimed.remove(scopeId)));
            }
        } catch (RuntimeException e) {
            claimed.remove(scopeId);
            throw e;
        }
        claimed.remove(scopeId);
        return Optional.empty();
    }

    /** @return the holder taken over, when the scope is open, not this owner's own, and its holder is dead or this owner */
    private Optional<String> take(String scopeId) {
        String[] row = database.transaction("read scope " + scopeId, connection -> scopeRow(connection, scopeId));
        if (row == null || owner.id().equals(row[0]) || (!owner.id().equals(row[1]) && isAlive(row[1]))) {
            return Optional.empty();
        }
        int updated = database.transaction("claim scope " + scopeId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + database.tables().scope()
                    + " SET holder_id = ? WHERE scope_id = ? AND holder_id = ? AND state = 'OPEN'")) {
                update.setString(1, owner.id());
                update.setString(2, scopeId);
                update.setString(3, row[1]);
                return update.executeUpdate();
            }
        });
        return updated == 1 ? Optional.of(row[1]) : Optional.empty();
    }

    private String[] scopeRow(Connection connection, String scopeId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT owner_id, holder_id FROM "
                + database.tables().scope() + " WHERE scope_id = ? AND state = 'OPEN'")) {
            select.setString(1, scopeId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new String[] {row.getString(1), row.getString(2)} : null;
            }
        }
    }

    @Override
    public int compact() {
        requireOpen();
        return JdbcCompaction.run(database, this::isAlive);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        setOwnerTime("closed_at");
        JdbcCompaction.run(database, this::isAlive);
    }

    private void requireOpen() {
        if (closed) {
            throw new JournalException("the " + location() + " is closed; accepted: calls before close()");
        }
    }

    @Override
    public String toString() {
        return location();
    }
}
