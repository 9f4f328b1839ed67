/**
 * The AspectJ aspects that apply {@code @WithRollback} and {@code @Compensate}, in annotation style:
 * an aspect library for ajc at compile time ({@code aspectj-maven-plugin}'s {@code aspectLibraries}),
 * and declared in this jar's {@code META-INF/aop.xml} for load-time weaving. Woven code calls them;
 * application code never does.
 */
@NullMarked
package dev.rollback.aspectj;

import org.jspecify.annotations.NullMarked;
