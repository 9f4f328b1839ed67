package dev.rollback.spring.boot;

import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;

/**
 * Adds every {@link RollbackListener} bean to Rollback as soon as it is initialized, and removes it
 * when the bean is destroyed, so that a closed context leaves no listener behind.
 */
final class RollbackListenerRegistrar implements DestructionAwareBeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RollbackListener listener) {
            Rollback.addListener(listener);
        }
        return bean;
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        if (bean instanceof RollbackListener listener) {
            Rollback.removeListener(listener);
        }
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof RollbackListener;
    }
}
