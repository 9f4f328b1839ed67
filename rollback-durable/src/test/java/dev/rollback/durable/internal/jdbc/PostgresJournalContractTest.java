package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.internal.JournalStoreContract;
import dev.rollback.durable.internal.SimpleDataSource;
import dev.rollback.durable.internal.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresCluster.class)
class PostgresJournalContractTest extends JournalStoreContract {

    private JdbcFixture fixture;

    @BeforeEach
    void tablesOfTheirOwn() {
        fixture = new JdbcFixture(new SimpleDataSource(PostgresCluster.running().url("postgres"), PostgresCluster.USER, ""));
    }

    @Override
    protected StoreFixture fixture() {
        return fixture;
    }
}
