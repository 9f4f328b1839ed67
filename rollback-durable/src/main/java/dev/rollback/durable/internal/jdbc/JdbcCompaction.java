package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.internal.JournalState;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Removes the rows of finished scopes (closed, or handed over to a finished scope) once their chain
 * confirms it, and the rows of owners that are dead and hold no scope.
 */
final class JdbcCompaction {

    private final Database database;
    private final Map<String, String[]> scopes = new HashMap<>();

    private JdbcCompaction(Database database) {
        this.database = database;
    }

    /** @return how many scopes were removed */
    static int run(Database database, Predicate<String> isAlive) {
        JdbcCompaction compaction = new JdbcCompaction(database);
        compaction.load();
        int removed = 0;
        for (String scope : compaction.finished()) {
            if (compaction.confirmedByChain(scope) && compaction.remove(scope)) {
                removed++;
            }
        }
        compaction.removeDeadOwners(isAlive);
        return removed;
    }

    private void load() {
        database.transaction("list its scopes", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT scope_id, parent_id, state FROM "
                    + database.tables().scope()); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    scopes.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)});
                }
            }
            return null;
        });
    }

    private List<String> finished() {
        List<String> finished = new ArrayList<>();
        for (String scope : scopes.keySet()) {
            if (isFinished(scope, new HashSet<>())) {
                finished.add(scope);
            }
        }
        return finished;
    }

    private boolean isFinished(String scope, Set<String> seen) {
        String[] row = scopes.get(scope);
        if (row == null || !seen.add(scope)) {
            return false;
        }
        // a parent whose rows are gone was compacted, which it is only once finished
        return row[1].equals("CLOSED") || (row[1].equals("HANDED_OVER") && row[0] != null
                && (!scopes.containsKey(row[0]) || isFinished(row[0], seen)));
    }

    /** The state column is an index, not the truth: the chain must end closed and verify. */
    private boolean confirmedByChain(String scope) {
        JournalState state = ChainReader.read(database, "s.scope_id = ?", scope);
        return state.open().isEmpty() && state.damaged().isEmpty();
    }

    private boolean remove(String scope) {
        return database.transaction("remove the rows of scope " + scope, connection -> {
            try (PreparedStatement entries = connection.prepareStatement("DELETE FROM " + database.tables().entry()
                    + " WHERE scope_id = ?"); PreparedStatement row = connection.prepareStatement("DELETE FROM "
                    + database.tables().scope() + " WHERE scope_id = ? AND state <> 'OPEN'")) {
                entries.setString(1, scope);
                entries.executeUpdate();
                row.setString(1, scope);
                return row.executeUpdate() == 1;
            }
        });
    }

    private void removeDeadOwners(Predicate<String> isAlive) {
        List<String> unreferenced = database.transaction("list owners without scopes", connection -> {
            List<String> owners = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT owner_id FROM " + database.tables().owner()
                    + " o WHERE NOT EXISTS (SELECT 1 FROM " + database.tables().scope() + " s WHERE s.owner_id = o.owner_id"
                    + " OR s.holder_id = o.owner_id)"); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    owners.add(rows.getString(1));
                }
            }
            return owners;
        });
        for (String owner : unreferenced) {
            if (!isAlive.test(owner)) {
                database.transaction("remove owner " + owner, connection -> {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + database.tables().owner()
                            + " WHERE owner_id = ?")) {
                        delete.setString(1, owner);
                        return delete.executeUpdate();
                    }
                });
            }
        }
    }
}
