package dev.rollback.agent.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an advice parameter of type {@code Object} to what the advised method resolves to (its
 * {@code ScopePolicy}, {@code CompensatePlan}, or the message of its configuration error): a
 * dynamic constant of the advised class where its class file allows one, a look-up otherwise.
 * See {@link ResolutionMapping}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface AdvisedResolution {
}
