/**
 * Not API: the kit's per-thread session, which hears of compensated calls from the engine. It may
 * change in any release.
 */
package dev.rollback.test.internal;
