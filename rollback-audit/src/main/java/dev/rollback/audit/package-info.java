/**
 * A tamper-evident journal of rollbacks: {@link dev.rollback.audit.AuditListener} appends every
 * rollback to a SHA-256 hash chain of JSON lines, {@link dev.rollback.audit.AuditVerifier} checks a
 * journal and names the first bad entry, and {@link dev.rollback.audit.JournalReader} lists the
 * rollbacks that started but never ended.
 */
@NullMarked
package dev.rollback.audit;

import org.jspecify.annotations.NullMarked;
