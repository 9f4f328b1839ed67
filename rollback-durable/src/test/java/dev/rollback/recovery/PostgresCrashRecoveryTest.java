package dev.rollback.recovery;

import dev.rollback.durable.internal.jdbc.PostgresCluster;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The crash tests on the private PostgreSQL cluster the tests run; tables of their own per test. */
@ExtendWith(PostgresCluster.class)
class PostgresCrashRecoveryTest extends CrashRecoveryContract {

    private static final AtomicInteger TABLES = new AtomicInteger();

    @Override
    String newJournal(Path temp) {
        return PostgresCluster.running().url("postgres") + " " + PostgresCluster.user() + " crash"
                + TABLES.incrementAndGet() + "_";
    }
}
