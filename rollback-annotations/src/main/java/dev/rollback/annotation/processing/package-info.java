/**
 * The annotation processor that checks {@code @Compensate} at compile time:
 * {@link dev.rollback.annotation.processing.CompensateProcessor}. javac finds it through
 * {@code META-INF/services/javax.annotation.processing.Processor}; nothing here is called by
 * applications.
 */
package dev.rollback.annotation.processing;
