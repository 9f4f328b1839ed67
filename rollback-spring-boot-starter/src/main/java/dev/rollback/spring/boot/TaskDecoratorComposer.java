package dev.rollback.spring.boot;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;

import java.util.List;

/**
 * Gives Boot's task executor builders every {@link TaskDecorator} bean, in order. Boot 4 composes
 * them itself; Boot 3.5 applies a decorator only when it is the only one, so Rollback's next to an
 * application's own would leave both out.
 */
final class TaskDecoratorComposer implements BeanPostProcessor {

    private final ObjectProvider<TaskDecorator> decorators;

    TaskDecoratorComposer(ObjectProvider<TaskDecorator> decorators) {
        this.decorators = decorators;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ThreadPoolTaskExecutorBuilder builder) {
            List<TaskDecorator> all = decorators.orderedStream().toList();
            return all.size() > 1 ? builder.taskDecorator(new CompositeTaskDecorator(all)) : builder;
        }
        if (bean instanceof SimpleAsyncTaskExecutorBuilder builder) {
            List<TaskDecorator> all = decorators.orderedStream().toList();
            return all.size() > 1 ? builder.taskDecorator(new CompositeTaskDecorator(all)) : builder;
        }
        return bean;
    }
}
