package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.internal.JournalStore;
import dev.rollback.durable.internal.SimpleDataSource;
import dev.rollback.durable.internal.StoreFixture;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDBC journal with tables of their own per test (a prefix each), on a database the child JVM also reaches. */
public final class JdbcFixture implements StoreFixture {

    private static final AtomicInteger TESTS = new AtomicInteger();

    private final SimpleDataSource dataSource;
    private final Tables tables;

    public JdbcFixture(SimpleDataSource dataSource) {
        this.dataSource = dataSource;
        this.tables = Tables.of(null, "t" + TESTS.incrementAndGet() + "_");
    }

    public SimpleDataSource dataSource() {
        return dataSource;
    }

    public Tables tables() {
        return tables;
    }

    @Override
    public JournalStore open() {
        return JdbcStore.open(dataSource, tables, Duration.ofSeconds(30));
    }

    @Override
    public List<String> childArguments() {
        return List.of("jdbc", dataSource.url(), dataSource.user(), dataSource.password(), "-", tables.prefix());
    }

    @Override
    public long storageUnits() {
        return count("SELECT COUNT(*) FROM " + tables.scope());
    }

    public long count(String query) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + " failed", e);
        }
    }

    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
