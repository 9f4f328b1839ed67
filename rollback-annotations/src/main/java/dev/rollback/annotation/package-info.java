/**
 * The annotations of Rollback: {@link dev.rollback.annotation.WithRollback} makes an
 * orchestrator method atomic, {@link dev.rollback.annotation.Compensate} marks the
 * resource-acquiring calls it makes and says how each is undone.
 *
 * <p>This package has no dependencies. The annotations take effect once a weaver applies them:
 * AspectJ at compile or load time, or the Rollback java agent.
 */
@NullMarked
package dev.rollback.annotation;

import org.jspecify.annotations.NullMarked;
