package dev.rollback.durable;

import org.jspecify.annotations.Nullable;

import dev.rollback.durable.internal.jdbc.Tables;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the JDBC journal keeps its tables. Immutable: each method returns a copy.
 *
 * <pre>{@code
 * Journal.jdbc(dataSource, JdbcOptions.defaults().schema("ops").tablePrefix("acme_rollback_"));
 * }</pre>
 */
public final class JdbcOptions {

    private static final JdbcOptions DEFAULTS = new JdbcOptions(null, "rollback_", Duration.ofSeconds(30));

    private final @Nullable String schema;
    private final String tablePrefix;
    private final Duration ownerLease;

    private JdbcOptions(@Nullable String schema, String tablePrefix, Duration ownerLease) {
        this.schema = schema;
        this.tablePrefix = tablePrefix;
        this.ownerLease = ownerLease;
        new Tables(schema, tablePrefix);
    }

    /**
     * {@return the defaults: the connection's default schema, tables {@code rollback_owner},
     * {@code rollback_scope} and {@code rollback_entry}, an owner lease of 30 seconds}
     */
    public static JdbcOptions defaults() {
        return DEFAULTS;
    }

    /**
     * {@return a copy with that schema}
     *
     * @param schema the schema holding the tables (it must exist); {@code null} for the connection's default
     * @throws IllegalArgumentException when it is no plain SQL identifier (a letter or {@code _},
     *                                  then up to 39 letters, digits or {@code _})
     */
    public JdbcOptions schema(@Nullable String schema) {
        return new JdbcOptions(schema, tablePrefix, ownerLease);
    }

    /**
     * {@return a copy with that prefix}
     *
     * @param tablePrefix what the table names start with, before {@code owner}, {@code scope} and {@code entry}
     * @throws IllegalArgumentException when it is no plain SQL identifier (or empty)
     */
    public JdbcOptions tablePrefix(String tablePrefix) {
        return new JdbcOptions(schema, Objects.requireNonNull(tablePrefix, "tablePrefix"), ownerLease);
    }

    /**
     * {@return a copy with that lease}
     *
     * @param ownerLease how long a process on another machine counts as alive after its last
     *                   heartbeat (it beats every third of it); processes on this machine are
     *                   judged by pid and start instant at once
     * @throws IllegalArgumentException when it is shorter than a second
     */
    public JdbcOptions ownerLease(Duration ownerLease) {
        if (ownerLease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("owner lease " + ownerLease + "; accepted: 1 second or more");
        }
        return new JdbcOptions(schema, tablePrefix, ownerLease);
    }

    Tables tables() {
        return new Tables(schema, tablePrefix);
    }

    Duration lease() {
        return ownerLease;
    }

    @Override
    public String toString() {
        return "JdbcOptions[schema=" + schema + ", tablePrefix=" + tablePrefix + ", ownerLease=" + ownerLease + "]";
    }
}
