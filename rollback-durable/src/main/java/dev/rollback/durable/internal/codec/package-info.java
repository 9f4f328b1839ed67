/**
 * Not API: how arguments and results of {@code @Compensate} methods are written to the journal and
 * rebuilt from it, driven only by the declared Java types. Anything here may change in any release.
 */
package dev.rollback.durable.internal.codec;
