package dev.rollback.examples;

import dev.rollback.annotation.Compensate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 2: a row per agent in an embedded H2 database file under the root. Real JDBC, real SQL.
 */
public class Registry implements AutoCloseable {

    /** One agent as the database knows it. */
    public record Row(String name, String state, String workspace, Integer port, Long workerPid, Instant workerStart,
                      String window) {
    }

    private final Connection connection;
    private final Path database;
    private final Faults faults;
    private final Console console;

    public Registry(Path root, Faults faults, Console console) throws SQLException {
        this.connection = DriverManager.getConnection(url(root), "demo", "");
        this.database = root.toAbsolutePath().resolve("registry.mv.db");
        this.faults = faults;
        this.console = console;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS agents (name VARCHAR(64) PRIMARY KEY, state VARCHAR(16) NOT NULL,"
                    + " workspace VARCHAR(4096) NOT NULL, port INT, worker_pid BIGINT, worker_start TIMESTAMP WITH TIME ZONE,"
                    + " tmux_window VARCHAR(32))");
        }
    }

    /** @return the JDBC URL of the registry under {@code root}, for tests that check it themselves */
    public static String url(Path root) {
        // WRITE_DELAY=0: each commit is on disk when it returns, so a run killed right after a step leaves its row
        return "jdbc:h2:file:" + root.toAbsolutePath().resolve("registry") + ";DB_CLOSE_DELAY=0;WRITE_DELAY=0";
    }

    @Compensate(value = "delete", priority = 20)
    public String insert(String agent, Path workspace) throws SQLException {
        faults.beforeStep(agent, Step.ROW);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO agents (name, state, workspace) VALUES (?, 'creating', ?)")) {
            insert.setString(1, agent);
            insert.setString(2, workspace.toString());
            insert.executeUpdate();
        }
        console.step(agent, Step.ROW, "inserted row '" + agent + "' into " + database);
        return agent;
    }

    void delete(String agent) throws SQLException {
        faults.beforeCompensation(agent, Step.ROW);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM agents WHERE name = ?")) {
            delete.setString(1, agent);
            int rows = delete.executeUpdate();
            console.undo(agent, Step.ROW, "deleted " + rows + " row(s)");
        }
    }

    /** Marks a fully created agent ready, with what its later steps acquired. */
    void complete(Agent agent) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE agents SET state = 'ready', port = ?,"
                + " worker_pid = ?, worker_start = ?, tmux_window = ? WHERE name = ?")) {
            update.setInt(1, agent.port());
            update.setLong(2, agent.worker().pid());
            update.setObject(3, agent.workerStart().atOffset(java.time.ZoneOffset.UTC));
            update.setString(4, agent.window());
            update.setString(5, agent.name());
            update.executeUpdate();
        }
    }

    Optional<Row> find(String agent) throws SQLException {
        return rows("SELECT * FROM agents WHERE name = ?", agent).stream().findFirst();
    }

    List<Row> list() throws SQLException {
        return rows("SELECT * FROM agents ORDER BY name");
    }

    private List<Row> rows(String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    java.time.OffsetDateTime start = result.getObject("worker_start", java.time.OffsetDateTime.class);
                    rows.add(new Row(result.getString("name"), result.getString("state"), result.getString("workspace"),
                            (Integer) result.getObject("port"), (Long) result.getObject("worker_pid"),
                            start == null ? null : start.toInstant(), result.getString("tmux_window")));
                }
            }
            return rows;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
