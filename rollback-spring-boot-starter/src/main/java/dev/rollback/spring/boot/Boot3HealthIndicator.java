package dev.rollback.spring.boot;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health indicator on Spring Boot 3 ({@code org.springframework.boot.actuate.health}): always
 * UP, with the failed compensations and incomplete rollbacks since start in its details. A failed
 * compensation is a leak to look at, not a reason to take the instance out of service.
 */
final class Boot3HealthIndicator extends AbstractHealthIndicator {

    private final RecentRollbacks recent;

    Boot3HealthIndicator(RecentRollbacks recent) {
        super("the rollback health check failed");
        this.recent = recent;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetails(recent.healthDetails());
    }
}
