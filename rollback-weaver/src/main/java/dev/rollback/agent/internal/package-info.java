/**
 * The agent's implementation. Not API: anything here may change in any release.
 *
 * <p>In the agent jar this package is relocated (to {@code dev.rollback.agent.shaded.internal})
 * together with Byte Buddy, so that a plain {@code rollback-weaver} jar on the same class path
 * can never stand in for it.
 */
package dev.rollback.agent.internal;
