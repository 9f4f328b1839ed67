package dev.rollback.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryBackoffTest {

    @AfterEach
    void restoreDefaults() {
        RetryBackoff.set(Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    @Test
    void doublesTheDelayFromTheInitialOneUpToTheMaximum() {
        RetryBackoff.set(Duration.ofMillis(50), Duration.ofMillis(300));
        assertThat(new long[] {RetryBackoff.delayNanos(1), RetryBackoff.delayNanos(2), RetryBackoff.delayNanos(3),
                RetryBackoff.delayNanos(4), RetryBackoff.delayNanos(40)})
                .containsExactly(50_000_000L, 100_000_000L, 200_000_000L, 300_000_000L, 300_000_000L);
    }

    @Test
    void defaultsToFiftyMillisecondsDoublingUpToTwoSeconds() {
        assertThat(RetryBackoff.delayNanos(1)).isEqualTo(50_000_000L);
        assertThat(RetryBackoff.delayNanos(7)).isEqualTo(2_000_000_000L);
    }

    @Test
    void refusesAMaximumBelowTheInitialDelay() {
        assertThatThrownBy(() -> RetryBackoff.set(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry back-off PT2S to PT1S; accepted: 0 <= initial <= max");
    }

    @Test
    void pausesThroughAnInterruptAndReportsIt() {
        RetryBackoff.set(Duration.ofMillis(30), Duration.ofMillis(30));
        Thread.currentThread().interrupt();
        long start = System.nanoTime();
        boolean interrupted = RetryBackoff.pause(1);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(30_000_000L);
        assertThat(interrupted).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
