package dev.rollback.spring.boot;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health indicator on Spring Boot 4 ({@code org.springframework.boot.health.contributor}): the
 * same as {@link Boot3HealthIndicator}, always UP.
 */
final class Boot4HealthIndicator extends AbstractHealthIndicator {

    private final RecentRollbacks recent;

    Boot4HealthIndicator(RecentRollbacks recent) {
        super("the rollback health check failed");
        this.recent = recent;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetails(recent.healthDetails());
    }
}
