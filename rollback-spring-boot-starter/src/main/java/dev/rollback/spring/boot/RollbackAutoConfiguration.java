package dev.rollback.spring.boot;

import dev.rollback.Rollback;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.task.TaskDecorator;

/**
 * Rollback in a Spring Boot application: the {@code rollback.*} properties, every
 * {@link dev.rollback.RollbackListener} bean registered with Rollback while the context runs, the
 * reports kept for the endpoint and the health indicator, a {@link TaskDecorator} that binds the
 * tasks of Boot's task executors to the submitting thread's scope, and the start-up weaving check.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@ConditionalOnClass(Rollback.class)
@EnableConfigurationProperties(RollbackProperties.class)
public class RollbackAutoConfiguration {

    /** Creates it; Spring or the application calls this. */
    public RollbackAutoConfiguration() {
        // nothing to set up: every field has its initial value
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static RollbackListenerRegistrar rollbackListenerRegistrar() {
        return new RollbackListenerRegistrar();
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static WeavingVerifier rollbackWeavingVerifier() {
        return new WeavingVerifier();
    }

    @Bean
    RollbackSettings rollbackSettings(RollbackProperties properties, ObjectProvider<LoggingSystem> loggingSystem) {
        return new RollbackSettings(properties, loggingSystem.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    RecentRollbacks recentRollbacks(RollbackProperties properties) {
        return new RecentRollbacks(properties.getReports().getKeep());
    }

    /** The task decorator, composed with the application's own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TaskDecorator.class)
    @ConditionalOnProperty(prefix = "rollback.task-decorator", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class TaskDecoration {

        @Bean
        @ConditionalOnMissingBean
        RollbackTaskDecorator rollbackTaskDecorator() {
            return new RollbackTaskDecorator();
        }

        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        @ConditionalOnClass(name = "org.springframework.boot.task.ThreadPoolTaskExecutorBuilder")
        static TaskDecoratorComposer rollbackTaskDecoratorComposer(ObjectProvider<TaskDecorator> decorators) {
            return new TaskDecoratorComposer(decorators);
        }
    }
}
