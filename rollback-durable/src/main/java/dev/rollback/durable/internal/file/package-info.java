/**
 * Not API: the file journal, a write-ahead log of one segment file per process, in a directory
 * that many processes may share. Anything here may change in any release.
 */
package dev.rollback.durable.internal.file;
