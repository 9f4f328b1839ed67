/**
 * Not API: the kit's tap on compensated calls. The aspect and its per-thread session may change in
 * any release.
 */
package dev.rollback.test.internal;
