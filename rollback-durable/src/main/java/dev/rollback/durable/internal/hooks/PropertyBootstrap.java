package dev.rollback.durable.internal.hooks;

import dev.rollback.RollbackReport;
import dev.rollback.durable.DurableRollback;
import dev.rollback.durable.Journal;
import dev.rollback.internal.JournalBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** {@code -Drollback.journal=DIR}: the file journal on DIR, installed, then recovered. */
public final class PropertyBootstrap implements JournalBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(DurableRollback.class);

    @Override
    public void start(String directory) {
        Journal journal = Journal.file(Path.of(directory));
        DurableRollback.install(journal);
        for (RollbackReport report : DurableRollback.recover()) {
            if (report.isComplete()) {
                LOG.info("recovered {}", report);
            } else {
                LOG.warn("recovery incomplete: {}", report);
            }
        }
    }
}
