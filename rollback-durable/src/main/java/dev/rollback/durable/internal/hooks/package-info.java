/**
 * The engine's journal hooks ({@code dev.rollback.spi.ScopeJournal}) on a journal store, and
 * recovery. Not API.
 */
package dev.rollback.durable.internal.hooks;
