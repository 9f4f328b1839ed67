/**
 * For extenders, not for orchestrators: the points where a module above the core (a transaction
 * integration, say) takes part in how scopes settle. Nothing here is needed to use Rollback.
 *
 * <p>Nothing here is {@code null} unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package dev.rollback.spi;

import org.jspecify.annotations.NullMarked;
