package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.JournalException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of the journal's three tables: an optional schema, then a prefix (default
 * {@code rollback_}) before {@code owner}, {@code scope} and {@code entry}. Both are checked to be
 * plain SQL identifiers, since they are written into statements.
 *
 * @param schema the schema, or {@code null} for the connection's default
 * @param prefix the table name prefix
 */
public record Tables(String schema, String prefix) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");
    private static final Pattern NAMES = Pattern.compile("\\brollback_(owner|scope_state|scope|entry)\\b");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}|");

    /** The default names: {@code rollback_owner}, {@code rollback_scope}, {@code rollback_entry}. */
    public static final Tables DEFAULT = new Tables(null, "rollback_");

    /** @throws IllegalArgumentException when the schema or prefix is no plain identifier */
    public Tables {
        if (schema != null && !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("the schema '" + schema + "' is no plain SQL identifier; accepted: a"
                    + " letter or _, then up to 39 letters, digits or _");
        }
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("the table prefix '" + prefix + "' is no plain SQL identifier; accepted:"
                    + " empty, or a letter or _, then up to 39 letters, digits or _");
        }
    }

    /** @param schema the schema, or {@code null} or "-" @param prefix the prefix @return the names */
    public static Tables of(String schema, String prefix) {
        return new Tables(schema == null || schema.equals("-") ? null : schema, prefix);
    }

    String owner() {
        return qualified("owner");
    }

    String scope() {
        return qualified("scope");
    }

    String entry() {
        return qualified("entry");
    }

    private String qualified(String table) {
        return (schema == null ? "" : schema + ".") + prefix + table;
    }

    /** @return the statements of {@code jdbc-schema.sql}, with these names */
    List<String> ddl() {
        String script;
        try (InputStream in = Tables.class.getResourceAsStream("/dev/rollback/durable/jdbc-schema.sql")) {
            if (in == null) {
                throw new JournalException("dev/rollback/durable/jdbc-schema.sql is missing from the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JournalException("could not read dev/rollback/durable/jdbc-schema.sql: " + e, e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith("--")) {
                continue;
            }
            statement.append(line).append('\n');
            if (line.trim().endsWith(";")) {
                String text = statement.toString().trim();
                statements.add(rename(text.substring(0, text.length() - 1)));
                statement.setLength(0);
            }
        }
        return statements;
    }

    private String rename(String statement) {
        return NAMES.matcher(statement).replaceAll(name -> switch (name.group(1)) {
            case "scope_state" -> prefix + "scope_state"; // an index: named without schema, made in its table's
            case "owner" -> owner();
            case "scope" -> scope();
            default -> entry();
        });
    }
}
