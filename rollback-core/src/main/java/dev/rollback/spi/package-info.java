/**
 * For extenders, not for orchestrators: the points where a module above the core (a transaction
 * integration, say) takes part in how scopes settle. Nothing here is needed to use Rollback.
 */
package dev.rollback.spi;
