package dev.rollback.spring.boot;

import dev.rollback.Rollback;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Boot 4's health API (org.springframework.boot.health.contributor). */
@DisplayName("The health indicator on Boot 4")
class Boot4HealthIndicatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurationMatrixTest.ROLLBACK);

    @Test
    void staysUpAndCountsFailedCompensations() {
        runner.withPropertyValues("rollback.health.enabled=true").run(context -> {
            HealthIndicator indicator = context.getBean("rollbackHealthIndicator", HealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThatThrownBy(() -> Rollback.run("leaks", () -> {
                Rollback.register("fails", () -> {
                    throw new IllegalStateException("undo fails");
                });
                throw new IllegalArgumentException("body fails");
            })).hasMessage("body fails");

            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("failedCompensations", 1L)
                    .containsEntry("incompleteRollbacks", 1L).containsKey("lastIncomplete");
        });
    }
}
