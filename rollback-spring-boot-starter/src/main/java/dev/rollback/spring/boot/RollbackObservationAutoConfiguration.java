package dev.rollback.spring.boot;

import dev.rollback.micrometer.ObservationRollbackListener;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Scopes and compensations as Micrometer observations ({@code rollback.scope},
 * {@code rollback.compensation}) when the application has an {@link ObservationRegistry} bean (Boot
 * 3.5's actuator and Boot 4's micrometer-observation module configure one).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass({ObservationRegistry.class, ObservationRollbackListener.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnProperty(prefix = "rollback.observations", name = "enabled", havingValue = "true", matchIfMissing = true)
public class RollbackObservationAutoConfiguration {

    /** Creates it; Spring or the application calls this. */
    public RollbackObservationAutoConfiguration() {
        // nothing to set up: every field has its initial value
    }

    @Bean
    @ConditionalOnMissingBean
    ObservationRollbackListener rollbackObservationListener(ObservationRegistry registry) {
        return new ObservationRollbackListener(registry);
    }
}
