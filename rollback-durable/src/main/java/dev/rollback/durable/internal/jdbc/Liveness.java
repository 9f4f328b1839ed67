package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.internal.Owner;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether an owner of the JDBC journal lives. Its row says where it runs: an owner on this machine
 * (same boot, same pid namespace) lives while its pid runs with the journaled start instant and it
 * has not closed its journal; one elsewhere lives while it has not closed its journal and its
 * heartbeat, refreshed every third of the lease, is younger than the lease (both read on the
 * database's clock, so the machines' clocks do not matter).
 */
final class Liveness {

    private final Database database;
    private final Duration lease;

    Liveness(Database database, Duration lease) {
        this.database = database;
        this.lease = lease;
    }

    boolean isAlive(String ownerId) {
        return database.transaction("read owner " + ownerId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT machine, pid, process_start, heartbeat_at,"
                    + " closed_at, CURRENT_TIMESTAMP FROM " + database.tables().owner() + " WHERE owner_id = ?")) {
                select.setString(1, ownerId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next() || row.getTimestamp(5) != null) {
                        return false;
                    }
                    String machine = row.getString(1);
                    if (machine.equals(Owner.thisMachine())) {
                        String start = row.getString(3);
                        return new Owner(ownerId, row.getLong(2), start == null ? null : Instant.parse(start), machine)
                                .processRuns();
                    }
                    Timestamp heartbeat = row.getTimestamp(4);
                    Timestamp now = row.getTimestamp(6);
                    return Duration.between(heartbeat.toInstant(), now.toInstant()).compareTo(lease) < 0;
                }
            }
        });
    }
}
