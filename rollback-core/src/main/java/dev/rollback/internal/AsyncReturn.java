package dev.rollback.internal;

import dev.rollback.CompensationConfigurationException;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * Which return types a scope can follow past the method's return (semantics C5 and C6): a
 * {@code CompletionStage} or {@code CompletableFuture} keeps the scope open until it completes;
 * any other {@code Future} cannot be observed, and another {@code CompletionStage} type cannot be
 * replaced by the future the caller gets.
 */
final class AsyncReturn {

    private AsyncReturn() {
    }

    /**
     * @param method a {@code @WithRollback} method
     * @throws CompensationConfigurationException when its return type cannot carry a scope
     */
    static void check(Method method) {
        Class<?> type = method.getReturnType();
        if (type == CompletionStage.class || type == CompletableFuture.class) {
            return;
        }
        if (CompletionStage.class.isAssignableFrom(type)) {
            throw new CompensationConfigurationException("@WithRollback on " + Names.method(method) + " returns "
                    + type.getName() + ", a CompletionStage the scope cannot hand its own future in place of; accepted"
                    + " return types for work that outlives the method: " + CompletionStage.class.getName() + " or "
                    + CompletableFuture.class.getName());
        }
        if (Future.class.isAssignableFrom(type)) {
            throw new CompensationConfigurationException("@WithRollback on " + Names.method(method) + " returns "
                    + type.getName() + ", a Future whose completion cannot be observed, so the scope could neither"
                    + " commit nor roll back when the work ends; accepted return types for work that outlives the"
                    + " method: " + CompletionStage.class.getName() + " or " + CompletableFuture.class.getName());
        }
    }
}
