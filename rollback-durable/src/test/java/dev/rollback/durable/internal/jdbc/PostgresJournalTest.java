package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.internal.Damage;
import dev.rollback.durable.internal.JournalState;
import dev.rollback.durable.internal.JournalStore;
import dev.rollback.durable.internal.LiveScope;
import dev.rollback.durable.internal.ScopeState;
import dev.rollback.durable.internal.SimpleDataSource;
import dev.rollback.durable.internal.StepIntent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What only a real PostgreSQL shows: the documented grants suffice, and changed rows are found. */
@ExtendWith(PostgresCluster.class)
class PostgresJournalTest {

    private static final StepIntent INTENT = new StepIntent("com.acme.Tabs", "open", "()V", "[]", 0, 0, 0);

    private JdbcFixture admin;

    @BeforeEach
    void tablesOfTheirOwn() {
        admin = new JdbcFixture(new SimpleDataSource(PostgresCluster.running().url("postgres"), PostgresCluster.USER, ""));
    }

    @Test
    void aUserWithOnlyTheDocumentedGrantsUsesTablesAnAdministratorCreated() {
        Tables tables = admin.tables();
        JdbcStore.open(admin.dataSource(), tables, Duration.ofSeconds(30)).close();
        String user = "app_" + tables.prefix().replace("_", "");
        admin.execute("CREATE ROLE " + user + " LOGIN");
        admin.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + tables.owner() + ", " + tables.scope() + ", "
                + tables.entry() + " TO " + user);

        SimpleDataSource limited = new SimpleDataSource(PostgresCluster.running().url("postgres"), user, "");
        JournalStore dying = JdbcStore.open(limited, tables, Duration.ofSeconds(30));
        LiveScope scope = dying.open("op", null);
        scope.recorded(scope.intent(INTENT), "null");
        dying.close();
        JournalStore reader = JdbcStore.open(limited, tables, Duration.ofSeconds(30));
        try {
            assertThat(reader.read().open()).extracting(ScopeState::id).containsExactly(scope.scopeId());
        } finally {
            reader.close();
        }
    }

    @Test
    void aRowChangedInTheDatabaseStopsItsScopeAndNoOther() {
        JournalStore dying = admin.open();
        LiveScope changed = dying.open("changed", null);
        changed.recorded(changed.intent(INTENT), "null");
        changed.intent(INTENT);
        LiveScope other = dying.open("other", null);
        other.intent(INTENT);
        dying.close();
        admin.execute("UPDATE " + admin.tables().entry() + " SET payload = replace(payload, '\"result\":\"null\"',"
                + " '\"result\":\"true\"') WHERE scope_id = '" + changed.scopeId() + "' AND position = 2");

        JournalStore reader = admin.open();
        try {
            JournalState state = reader.read();
            assertThat(state.open()).extracting(ScopeState::id).containsExactly(other.scopeId());
            assertThat(state.damaged()).singleElement().satisfies(damage -> {
                assertThat(damage.location()).isEqualTo("table " + admin.tables().entry() + ", scope " + changed.scopeId());
                assertThat(damage.offset()).isEqualTo(3);
                assertThat(damage.reason()).contains("its prev is");
                assertThat(damage.scopes()).containsExactly(changed.scopeId());
            });
        } finally {
            reader.close();
        }
    }

    @Test
    void aDeletedRowStopsItsScope() {
        JournalStore dying = admin.open();
        LiveScope scope = dying.open("op", null);
        scope.recorded(scope.intent(INTENT), "null");
        scope.intent(INTENT);
        dying.close();
        admin.execute("DELETE FROM " + admin.tables().entry() + " WHERE scope_id = '" + scope.scopeId() + "' AND position = 1");

        JournalStore reader = admin.open();
        try {
            JournalState state = reader.read();
            assertThat(state.open()).isEmpty();
            assertThat(state.damaged()).extracting(Damage::reason).singleElement().asString()
                    .contains("its position is 2, expected 1");
        } finally {
            reader.close();
        }
    }
}
