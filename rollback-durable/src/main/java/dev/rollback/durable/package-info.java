/**
 * Durable scopes: the {@link dev.rollback.durable.Journal} that keeps what a scope recorded on disk or
 * in a database, so that the compensations of a process that died half-way can still run.
 *
 * <p>Nothing here is {@code null} unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package dev.rollback.durable;

import org.jspecify.annotations.NullMarked;
