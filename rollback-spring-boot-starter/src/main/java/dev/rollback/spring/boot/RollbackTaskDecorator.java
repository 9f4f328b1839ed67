package dev.rollback.spring.boot;

import dev.rollback.Rollback;
import org.springframework.core.task.TaskDecorator;

/**
 * Binds each task, as it is submitted, to the scope open on the submitting thread (semantics C1):
 * {@code Rollback::wrap} as a {@link TaskDecorator}. With no scope open the task runs as it is.
 */
public final class RollbackTaskDecorator implements TaskDecorator {

    /** Creates it; Spring or the application calls this. */
    public RollbackTaskDecorator() {
        // nothing to set up: every field has its initial value
    }

    @Override
    public Runnable decorate(Runnable runnable) {
        return Rollback.wrap(runnable);
    }
}
