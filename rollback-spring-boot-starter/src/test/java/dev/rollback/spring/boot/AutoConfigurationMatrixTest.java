package dev.rollback.spring.boot;

import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import dev.rollback.aspectj.WithRollbackAspect;
import dev.rollback.annotation.WithRollback;
import dev.rollback.micrometer.ObservationRollbackListener;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Auto-configuration: what each condition registers")
@ExtendWith(OutputCaptureExtension.class)
class AutoConfigurationMatrixTest {

    static final AutoConfigurations ROLLBACK = AutoConfigurations.of(RollbackAutoConfiguration.class,
            RollbackObservationAutoConfiguration.class, RollbackTransactionAutoConfiguration.class,
            RollbackActuatorAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ROLLBACK);

    @Test
    void byDefaultEverythingButObservationsAndHealthIsThere() {
        runner.run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(RollbackProperties.class).hasSingleBean(RecentRollbacks.class)
                    .hasSingleBean(RollbackTaskDecorator.class).hasSingleBean(TransactionAwareScopes.class)
                    .hasSingleBean(RollbackEndpoint.class)
                    .doesNotHaveBean(ObservationRollbackListener.class).doesNotHaveBean("rollbackHealthIndicator");
        });
    }

    @Test
    void anObservationRegistryBeanGetsScopesObservedUntilTheContextCloses() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withBean(ObservationRegistry.class, () -> registry).run(context -> {
            assertThat(context).hasSingleBean(ObservationRollbackListener.class);
            Rollback.run("while running", () -> { });
        });
        Rollback.run("after close", () -> { });
        assertThat(registry).hasNumberOfObservationsWithNameEqualTo("rollback.scope", 1)
                .hasObservationWithNameEqualTo("rollback.scope").that()
                .hasLowCardinalityKeyValue("rollback.operation", "while running");
    }

    @Test
    void observationsAreLeftOutByPropertyOrWithoutMicrometer() {
        runner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .withPropertyValues("rollback.observations.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ObservationRollbackListener.class));
        runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ObservationRollbackListener.class));
    }

    @Test
    void transactionAwareScopesNeedSpringTxAndCanBeTurnedOff() {
        runner.withClassLoader(new FilteredClassLoader(TransactionSynchronizationManager.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TransactionAwareScopes.class));
        runner.withPropertyValues("rollback.transactions.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TransactionAwareScopes.class));
    }

    @Test
    void theEndpointAndTheHealthIndicatorNeedTheActuator() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
                .withPropertyValues("rollback.health.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RollbackEndpoint.class)
                        .doesNotHaveBean("rollbackHealthIndicator"));
    }

    @Test
    void theOptInHealthIndicatorIsRegisteredUnderItsName() {
        runner.withPropertyValues("rollback.health.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().hasBean("rollbackHealthIndicator"));
    }

    @Test
    void theTaskDecoratorCanBeTurnedOff() {
        runner.withPropertyValues("rollback.task-decorator.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RollbackTaskDecorator.class));
    }

    @Test
    void listenerBeansHearScopesWhileTheContextRuns() {
        List<String> heard = new ArrayList<>();
        RollbackListener listener = new RollbackListener() {
            @Override
            public void onScopeStart(String operationId, String name) {
                heard.add(name);
            }
        };
        runner.withBean(RollbackListener.class, () -> listener).run(context -> Rollback.run("heard", () -> { }));
        Rollback.run("not heard", () -> { });
        assertThat(heard).containsExactly("heard");
    }

    @Test
    void settingsRollbackRefusesStopTheStartNamingTheProperty() {
        runner.withPropertyValues("rollback.parallelism=0").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessage("parallelism 0; accepted: 1 or more (1 runs equal priorities one after another)"));
        runner.withPropertyValues("rollback.parallelism=0").run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("rollback.parallelism=0 refused: parallelism 0; accepted: 1 or more"));
        runner.withPropertyValues("rollback.retry.initial-delay=3s", "rollback.retry.max-delay=1s")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining(
                        "rollback.retry.initial-delay=PT3S, rollback.retry.max-delay=PT1S refused: retry back-off PT3S to"
                                + " PT1S; accepted: 0 <= initial <= max"));
        runner.withPropertyValues("rollback.reports.keep=-1").run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("rollback.reports.keep=-1; accepted: 0 or more"));
    }

    @Test
    void anUnwovenAnnotatedBeanStopsTheStartNamingTheClassAndTheTwoFixes() {
        runner.withBean("orchestrator", Unwoven.class).run(context -> assertThat(context).hasFailed()
                .getFailure().hasMessage("these classes carry @WithRollback or @Compensate but were woven neither by ajc"
                        + " nor by the Rollback agent, so their compensations would never be recorded and nothing would"
                        + " be rolled back: dev.rollback.spring.boot.AutoConfigurationMatrixTest$Unwoven (bean"
                        + " 'orchestrator'). Fix it one of two ways: weave at build time (aspectj-maven-plugin with"
                        + " dev.rollback:rollback-weaver as an aspectLibrary), or start the JVM with"
                        + " -javaagent:rollback-weaver-<version>-agent.jar. To start anyway, set"
                        + " rollback.weaving.verify=warn (or off)"));
    }

    @Test
    void theWeavingCheckCanWarnOrBeOff(CapturedOutput output) {
        runner.withBean("orchestrator", Unwoven.class).withPropertyValues("rollback.weaving.verify=warn")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(output).contains("these classes carry @WithRollback or @Compensate but were woven neither by ajc");
        runner.withBean("orchestrator", Unwoven.class).withPropertyValues("rollback.weaving.verify=off")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void rollbacksAspectsAreRefusedAsSpringBeans() {
        runner.withBean("rollbackAspect", WithRollbackAspect.class).run(context -> assertThat(context).hasFailed()
                .getFailure().hasMessageStartingWith("Rollback's aspects must not be Spring beans: ['rollbackAspect'"
                        + " (dev.rollback.aspectj.WithRollbackAspect)]. Spring AOP would apply them through proxies"));
    }

    /** Compiled by javac, so never woven. */
    static class Unwoven {
        @WithRollback
        public void create() {
        }
    }
}
