/**
 * The Rollback test kit: {@link dev.rollback.test.RollbackExtension} (no scope left open, reports
 * as a test parameter), {@link dev.rollback.test.FailureInjector} (a failure after every
 * compensated call, and the world checked after each rollback),
 * {@link dev.rollback.test.IdempotencyProbe} (every compensation run twice) and
 * {@link dev.rollback.test.RollbackAssertions} (order and outcomes of a rollback report).
 */
@NullMarked
package dev.rollback.test;

import org.jspecify.annotations.NullMarked;
