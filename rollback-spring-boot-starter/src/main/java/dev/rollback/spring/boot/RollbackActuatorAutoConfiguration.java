package dev.rollback.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The actuator endpoint {@code rollbacks} when the actuator is on the class path, and the opt-in
 * health indicator ({@code rollback.health.enabled=true}) in the health API of Boot 3 or of Boot 4,
 * whichever is there.
 */
@AutoConfiguration(after = RollbackAutoConfiguration.class)
@ConditionalOnBean(RecentRollbacks.class)
public class RollbackActuatorAutoConfiguration {

    /** Creates it; Spring or the application calls this. */
    public RollbackActuatorAutoConfiguration() {
        // nothing to set up: every field has its initial value
    }

    /** The endpoint; exposed only where {@code management.endpoints.*.exposure.include} names it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class Endpoint {

        @Bean
        @ConditionalOnMissingBean
        RollbackEndpoint rollbackEndpoint(RecentRollbacks recent) {
            return new RollbackEndpoint(recent);
        }
    }

    /** Boot 3's health API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
    @ConditionalOnProperty(prefix = "rollback.health", name = "enabled", havingValue = "true")
    static class Boot3Health {

        @Bean
        @ConditionalOnMissingBean(name = "rollbackHealthIndicator")
        Boot3HealthIndicator rollbackHealthIndicator(RecentRollbacks recent) {
            return new Boot3HealthIndicator(recent);
        }
    }

    /** Boot 4's health API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
    @ConditionalOnProperty(prefix = "rollback.health", name = "enabled", havingValue = "true")
    static class Boot4Health {

        @Bean
        @ConditionalOnMissingBean(name = "rollbackHealthIndicator")
        Boot4HealthIndicator rollbackHealthIndicator(RecentRollbacks recent) {
            return new Boot4HealthIndicator(recent);
        }
    }
}
