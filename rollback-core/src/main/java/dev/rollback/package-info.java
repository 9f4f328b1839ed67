/**
 * Rollback's public API: {@link dev.rollback.Rollback} (programmatic scopes, registering
 * compensations, listeners, retry settings), {@link dev.rollback.RollbackScope},
 * {@link dev.rollback.Compensations} (built-in undo actions), the {@link dev.rollback.RollbackReport}
 * of every rollback, {@link dev.rollback.RollbackListener}, and the exceptions.
 *
 * <p>Nothing here is {@code null} unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package dev.rollback;

import org.jspecify.annotations.NullMarked;
