/**
 * Not API: the JDBC journal, one row per entry in tables created if absent. Anything here may
 * change in any release.
 */
package dev.rollback.durable.internal.jdbc;
