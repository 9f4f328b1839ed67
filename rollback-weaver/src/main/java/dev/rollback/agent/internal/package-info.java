/**
 * The agent's implementation. Not API: anything here may change in any release.
 *
 * <p>In the agent jar this package is relocated (to {@code dev.rollback.agent.shaded.internal})
 * together with Byte Buddy, and hidden from the application under {@code inst/}; the bridge part of
 * it ({@link dev.rollback.agent.internal.Dispatch} and what it needs) is defined again in each class
 * loader that holds an engine advised classes use. The relocation keeps a plain
 * {@code rollback-weaver} jar on the same class path from ever standing in for that bridge.
 */
package dev.rollback.agent.internal;
