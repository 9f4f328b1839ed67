package dev.rollback.behaviour;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.rollback.RollbackIncompleteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Semantics 9: the default listener logs through SLF4J, with the operation id in the MDC")
class LoggingListenerTest extends BehaviourTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.rollback");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing(); // captures the MDC now, not when the test reads it
            super.append(event);
        }
    };
    private Level previous;

    @BeforeEach
    void capture() {
        previous = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.setAdditive(false); // keep the expected ERROR lines off the build's console
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setAdditive(true);
        logger.setLevel(previous);
    }

    @Test
    void logsOneWarnLineAtStartOneLinePerCompensationAndASummary() {
        Throwable thrown = thrownBy(() -> orchestrators.named(() -> {
            resources.acquire("a");
            resources.acquireBrokenUndo("b");
            throw new IllegalStateException("boom");
        }));
        String id = ((RollbackIncompleteException) thrown.getSuppressed()[0]).report().operationId();
        List<ILoggingEvent> events = appender.list;
        assertThat(events).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.ERROR, Level.INFO, Level.ERROR);
        assertThat(events.get(0).getFormattedMessage()).isEqualTo(
                "Rolling back 'create-agent' [" + id + "]: 2 compensation(s), cause: java.lang.IllegalStateException: boom");
        assertThat(events.get(1).getFormattedMessage())
                .matches("  Resources\\.acquireBrokenUndo\\(b\\): priority=0 outcome=FAILED attempts=1 duration=\\d+ ms");
        assertThat(events.get(1).getThrowableProxy().getMessage()).isEqualTo("cannot release b");
        assertThat(events.get(2).getFormattedMessage())
                .matches("  Resources\\.acquire\\(a\\): priority=0 outcome=SUCCEEDED attempts=1 duration=\\d+ ms");
        assertThat(events.get(3).getFormattedMessage())
                .matches("Rollback of 'create-agent' \\[" + id + "\\] INCOMPLETE: 50\\.0% complete, 2 compensation\\(s\\) in \\d+ ms");
    }

    @Test
    void putsTheOperationIdInTheMdcWhileCompensationsRun() {
        Throwable thrown = thrownBy(() -> orchestrators.named(() -> {
            resources.acquireBrokenUndo("a");
            throw new IllegalStateException("boom");
        }));
        String id = ((RollbackIncompleteException) thrown.getSuppressed()[0]).report().operationId();
        assertThat(appender.list).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("rollback.operationId", id));
        assertThat(org.slf4j.MDC.get("rollback.operationId")).isNull();
    }

    @Test
    void logsACompleteRollbackSummaryAtInfo() {
        thrownBy(() -> orchestrators.named(() -> {
            resources.acquire("a");
            throw new IllegalStateException("boom");
        }));
        ILoggingEvent summary = appender.list.get(appender.list.size() - 1);
        assertThat(summary.getLevel()).isEqualTo(Level.INFO);
        assertThat(summary.getFormattedMessage()).contains(" done: 100.0% complete, 1 compensation(s) in ");
    }

    @Test
    void atErrorLogsOnlyTheFailedCompensationsAndTheIncompleteSummary() {
        logger.setLevel(Level.ERROR);
        thrownBy(() -> orchestrators.named(() -> {
            resources.acquire("a");
            resources.acquireBrokenUndo("b");
            throw new IllegalStateException("boom");
        }));
        assertThat(appender.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.ERROR);
        assertThat(appender.list.get(0).getFormattedMessage()).startsWith("  Resources.acquireBrokenUndo(b): priority=0 outcome=FAILED");
        assertThat(appender.list.get(1).getFormattedMessage()).contains(" INCOMPLETE: 50.0% complete, 2 compensation(s) in ");
    }

    @Test
    void atErrorLogsNothingForACompleteRollback() {
        logger.setLevel(Level.ERROR);
        thrownBy(() -> orchestrators.named(() -> {
            resources.acquire("a");
            throw new IllegalStateException("boom");
        }));
        assertThat(appender.list).isEmpty();
        assertThat(journal.entries()).contains("release a");
    }

    @Test
    void aLoggingBackendThatThrowsDoesNotStopTheRollbackAndIsAttachedToTheOriginalThrowable() {
        ch.qos.logback.classic.LoggerContext context = logger.getLoggerContext();
        ch.qos.logback.classic.turbo.TurboFilter broken = new ch.qos.logback.classic.turbo.TurboFilter() {
            @Override
            public ch.qos.logback.core.spi.FilterReply decide(org.slf4j.Marker marker, Logger target, Level level,
                                                              String format, Object[] params, Throwable t) {
                if (target.getName().equals("dev.rollback")) {
                    throw new IllegalStateException("logging backend is broken");
                }
                return ch.qos.logback.core.spi.FilterReply.NEUTRAL;
            }
        };
        broken.start();
        context.addTurboFilter(broken);
        Throwable thrown;
        try {
            thrown = thrownBy(() -> orchestrators.named(() -> {
                resources.acquire("a");
                resources.acquire("b");
                throw new IllegalStateException("boom");
            }));
        } finally {
            context.getTurboFilterList().remove(broken);
        }
        assertThat(thrown).hasMessage("boom");
        assertThat(journal.entries()).containsSubsequence("release b", "release a");
        assertThat(thrown.getSuppressed()).isNotEmpty()
                .allSatisfy(s -> assertThat(s).hasMessage("logging backend is broken"));
    }
}
