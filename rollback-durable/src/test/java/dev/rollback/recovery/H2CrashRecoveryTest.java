package dev.rollback.recovery;

import dev.rollback.durable.internal.jdbc.H2Server;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The crash tests on H2 over TCP, which the child JVMs reach too; a database per test. */
@ExtendWith(H2Server.class)
class H2CrashRecoveryTest extends CrashRecoveryContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    String newJournal(Path temp) {
        return H2Server.running().url("crash" + DATABASES.incrementAndGet()) + " sa rb_";
    }
}
