/**
 * Spring Boot auto-configuration for Rollback (Boot 3.5 and 4.0, one artifact): properties under
 * {@code rollback.}, listener beans, Micrometer observations, a task decorator, transaction-aware
 * scopes, the {@code rollbacks} actuator endpoint, an opt-in health indicator and a start-up check
 * that annotated beans are woven. See {@code docs/spring-boot.md}.
 *
 * <p>Nothing here is {@code null} unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package dev.rollback.spring.boot;

import org.jspecify.annotations.NullMarked;
