package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.internal.ChainAssembler;
import dev.rollback.durable.internal.ChainedEntry;
import dev.rollback.durable.internal.Damage;
import dev.rollback.durable.internal.EntryCodec;
import dev.rollback.durable.internal.JournalState;
import dev.rollback.durable.internal.Located;
import dev.rollback.durable.internal.MalformedEntryException;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the entries of the scopes a condition selects and assembles them. A row whose columns do
 * not match the entry it holds, or that holds no valid entry, is damage of its scope.
 */
final class ChainReader {

    private ChainReader() {
    }

    /**
     * @param condition a condition on the scope table, aliased {@code s}
     * @param values    the values of its parameters, as strings
     */
    static JournalState read(Database database, String condition, String... values) {
        Tables tables = database.tables();
        List<Located> entries = new ArrayList<>();
        List<Damage> damaged = new ArrayList<>();
        database.transaction("read the open scopes", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT e.scope_id, e.position, e.payload FROM "
                    + tables.entry() + " e JOIN " + tables.scope() + " s ON s.scope_id = e.scope_id WHERE " + condition
                    + " ORDER BY e.scope_id, e.position")) {
                for (int i = 0; i < values.length; i++) {
                    select.setString(i + 1, values[i]);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        row(tables, rows.getString(1), rows.getInt(2), rows.getString(3), entries, damaged);
                    }
                }
            }
            return null;
        });
        return ChainAssembler.assemble(entries, damaged);
    }

    private static void row(Tables tables, String scope, int position, String payload, List<Located> entries,
                            List<Damage> damaged) {
        String location = "table " + tables.entry() + ", scope " + scope;
        try {
            ChainedEntry entry = EntryCodec.read(payload.getBytes(StandardCharsets.UTF_8));
            if (!entry.entry().scope().equals(scope) || entry.position() != position) {
                damaged.add(new Damage(location, position, "the row holds entry " + entry.position() + " of scope "
                        + entry.entry().scope() + ": rows were changed or moved", List.of(scope)));
                return;
            }
            entries.add(new Located(entry, location, position));
        } catch (MalformedEntryException e) {
            damaged.add(new Damage(location, position, "the row holds no valid entry: " + e.getMessage(), List.of(scope)));
        }
    }
}
