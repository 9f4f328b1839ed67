/**
 * The engine behind {@link dev.rollback.Rollback}. Not API: these classes are public only so that
 * the weavers (the AspectJ aspect and the java agent) can call them, and may change in any
 * release.
 */
package dev.rollback.internal;
