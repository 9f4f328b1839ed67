package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.JournalException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs work on a connection from the data source, in one transaction, turning failures into {@link JournalException}s. */
final class Database {

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Tables tables;

    Database(DataSource dataSource, Tables tables) {
        this.dataSource = dataSource;
        this.tables = tables;
    }

    Tables tables() {
        return tables;
    }

    /**
     * @param what what the work does, for the message when it fails
     * @return what the work returned, once its transaction committed
     * @throws JournalException when it fails; the transaction is rolled back
     */
    <T> T transaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("the JDBC journal (tables " + tables.owner() + ", " + tables.scope() + ", "
                    + tables.entry() + ") could not " + what + ": " + e.getMessage() + " (SQL state " + e.getSQLState()
                    + "); accepted: a database where this user may SELECT, INSERT, UPDATE and DELETE on these tables"
                    + " (and CREATE them, the first time)", e);
        }
    }
}
