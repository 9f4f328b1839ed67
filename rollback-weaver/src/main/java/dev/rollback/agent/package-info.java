/**
 * The Byte Buddy java agent: applies {@code @WithRollback} and {@code @Compensate} to classes that
 * were never woven, and, through a rules file, to classes that carry no annotation at all.
 *
 * <p>Start it with {@code java -javaagent:rollback-weaver-<version>-agent.jar[=options] ...}, or
 * attach it to a running JVM with {@link dev.rollback.agent.RollbackAgent#install()}.
 */
@NullMarked
package dev.rollback.agent;

import org.jspecify.annotations.NullMarked;
