/**
 * Not API: the journal's storage (file segments, JDBC tables), its entry format and the value
 * codec, for {@code dev.rollback.durable} and the engine's journal hooks. Anything here may change
 * in any release.
 */
package dev.rollback.durable.internal;
