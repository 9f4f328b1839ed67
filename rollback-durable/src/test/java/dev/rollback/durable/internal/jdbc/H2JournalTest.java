package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.internal.JournalStore;
import dev.rollback.durable.internal.Owner;
import dev.rollback.durable.internal.SimpleDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Liveness of owners on other machines, which the JDBC journal judges by their heartbeat. */
@ExtendWith(H2Server.class)
class H2JournalTest {

    private JdbcFixture fixture;

    @BeforeEach
    void tablesOfTheirOwn() {
        fixture = new JdbcFixture(new SimpleDataSource(H2Server.running().url("journal"), "sa", ""));
    }

    @Test
    void anOwnerOnAnotherMachineLivesWhileItsHeartbeatIsYoungerThanTheLease() {
        JournalStore store = fixture.open();
        try {
            insertOwner("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "DATEADD(SECOND, -5, CURRENT_TIMESTAMP)", "NULL");
            insertOwner("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "DATEADD(SECOND, -31, CURRENT_TIMESTAMP)", "NULL");
            insertOwner("cccccccccccccccccccccccccccccccc", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP");

            assertThat(store.isAlive(other("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))).as("beat 5 s ago").isTrue();
            assertThat(store.isAlive(other("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"))).as("beat 31 s ago").isFalse();
            assertThat(store.isAlive(other("cccccccccccccccccccccccccccccccc"))).as("closed its journal").isFalse();
            assertThat(store.isAlive(other("dddddddddddddddddddddddddddddddd"))).as("no row").isFalse();
        } finally {
            store.close();
        }
    }

    @Test
    void anOwnerOnThisMachineIsDeadOnceItsPidRunsAnotherProcessWhateverItsHeartbeat() {
        JournalStore store = fixture.open();
        try {
            fixture.execute("INSERT INTO " + fixture.tables().owner() + " (owner_id, machine, pid, process_start, opened_at,"
                    + " heartbeat_at) VALUES ('eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', '" + Owner.thisMachine() + "', "
                    + ProcessHandle.current().pid() + ", '2001-01-01T00:00:00Z', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

            assertThat(store.isAlive(other("eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"))).isFalse();
        } finally {
            store.close();
        }
    }

    @Test
    void refusesTableNamesThatAreNoPlainIdentifiers() {
        assertThatThrownBy(() -> Tables.of(null, "x; DROP TABLE y; --")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is no plain SQL identifier");
        assertThatThrownBy(() -> Tables.of("a.b", "p_")).hasMessageContaining("the schema 'a.b' is no plain SQL identifier");
    }

    private void insertOwner(String id, String heartbeat, String closed) {
        fixture.execute("INSERT INTO " + fixture.tables().owner() + " (owner_id, machine, pid, process_start, opened_at,"
                + " heartbeat_at, closed_at) VALUES ('" + id + "', 'linux:another-machine', 1, NULL, CURRENT_TIMESTAMP, "
                + heartbeat + ", " + closed + ")");
    }

    private static Owner other(String id) {
        return new Owner(id, 1, null, "linux:another-machine");
    }
}
