package dev.rollback.durable.internal.jdbc;

import dev.rollback.durable.internal.JournalStoreContract;
import dev.rollback.durable.internal.SimpleDataSource;
import dev.rollback.durable.internal.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(H2Server.class)
class H2JournalContractTest extends JournalStoreContract {

    private JdbcFixture fixture;

    @BeforeEach
    void tablesOfTheirOwn() {
        fixture = new JdbcFixture(new SimpleDataSource(H2Server.running().url("journal"), "sa", ""));
    }

    @Override
    protected StoreFixture fixture() {
        return fixture;
    }
}
