/**
 * The only agent classes the application's class loaders can see: the {@code Premain-Class} and
 * {@code Agent-Class}, and the class loader that holds everything else. Not API.
 *
 * <p>The agent jar keeps its implementation (the transformer, Byte Buddy, the engine copies it
 * supplies to applications that carry none) under {@code inst/}, as {@code .classdata} entries that
 * no ordinary class loader finds; {@link dev.rollback.agent.boot.AgentClassLoader} loads them, in
 * isolation, with only the JDK above it.
 */
package dev.rollback.agent.boot;
