/**
 * Micrometer for Rollback: {@link dev.rollback.micrometer.ObservationRollbackListener} turns scopes and
 * compensations into the observations {@code rollback.scope} and {@code rollback.compensation}, and
 * {@link dev.rollback.micrometer.RollbackScopeAccessor} lets context-propagation carry the current scope.
 *
 * <p>Nothing here is {@code null} unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package dev.rollback.micrometer;

import org.jspecify.annotations.NullMarked;
