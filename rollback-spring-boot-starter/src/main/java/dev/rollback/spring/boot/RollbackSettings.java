package dev.rollback.spring.boot;

import dev.rollback.Rollback;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.logging.LoggingSystem;

import java.time.Duration;

/**
 * Hands the {@code rollback.*} properties that are set to Rollback, as the context starts. A value
 * Rollback refuses stops the start with Rollback's reason and the property's name.
 */
final class RollbackSettings implements InitializingBean {

    private static final Duration DEFAULT_INITIAL = Duration.ofMillis(50);
    private static final Duration DEFAULT_MAX = Duration.ofSeconds(2);

    private final RollbackProperties properties;
    private final LoggingSystem loggingSystem;

    /**
     * Creates the settings.
     *
     * @param properties    the bound properties
     * @param loggingSystem Boot's logging system, or {@code null} when the context has none
     */
    RollbackSettings(RollbackProperties properties, LoggingSystem loggingSystem) {
        this.properties = properties;
        this.loggingSystem = loggingSystem;
    }

    @Override
    public void afterPropertiesSet() {
        RollbackProperties.Retry retry = properties.getRetry();
        if (retry.getInitialDelay() != null || retry.getMaxDelay() != null) {
            // the one not set keeps Rollback's default, moved only as far as the other needs
            Duration initial = retry.getInitialDelay() != null ? retry.getInitialDelay()
                    : min(DEFAULT_INITIAL, retry.getMaxDelay());
            Duration max = retry.getMaxDelay() != null ? retry.getMaxDelay() : max(DEFAULT_MAX, initial);
            apply("rollback.retry.initial-delay=" + initial + ", rollback.retry.max-delay=" + max,
                    () -> Rollback.setRetryBackoff(initial, max));
        }
        if (properties.getTaskWait() != null) {
            apply("rollback.task-wait=" + properties.getTaskWait(), () -> Rollback.setTaskWait(properties.getTaskWait()));
        }
        if (properties.getParallelism() != null) {
            apply("rollback.parallelism=" + properties.getParallelism(),
                    () -> Rollback.setParallelism(properties.getParallelism()));
        }
        if (properties.getLogging().getLevel() != null && loggingSystem != null) {
            loggingSystem.setLogLevel("dev.rollback", properties.getLogging().getLevel());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void apply(String setting, Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException refused) {
            throw new IllegalArgumentException(setting + " refused: " + refused.getMessage(), refused);
        }
    }
}
