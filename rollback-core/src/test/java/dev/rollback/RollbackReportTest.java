package dev.rollback;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollbackReportTest {

    private static CompensationResult result(Outcome outcome) {
        return new CompensationResult("c", 0, outcome, 1, Duration.ZERO,
                outcome == Outcome.SUCCEEDED ? null : new IllegalStateException("x"));
    }

    @Test
    void completenessIsTheShareOfSucceededCompensationsInPercent() {
        RollbackReport report = new RollbackReport("id", "op", Instant.EPOCH, Duration.ZERO,
                List.of(result(Outcome.SUCCEEDED), result(Outcome.FAILED), result(Outcome.TIMED_OUT), result(Outcome.SUCCEEDED)));
        assertThat(report.completeness()).isEqualTo(50.0);
        assertThat(report.isComplete()).isFalse();
    }

    @Test
    void aReportWithoutActionsIsComplete() {
        RollbackReport report = new RollbackReport("id", "op", Instant.EPOCH, Duration.ZERO, List.of());
        assertThat(report.completeness()).isEqualTo(100.0);
        assertThat(report.isComplete()).isTrue();
    }

    @Test
    void aResultHasAnErrorExactlyWhenItDidNotSucceed() {
        assertThatThrownBy(() -> new CompensationResult("c", 0, Outcome.FAILED, 1, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outcome FAILED with error null; accepted: an error exactly when the outcome is FAILED or TIMED_OUT");
        assertThatThrownBy(() -> new CompensationResult("c", 0, Outcome.SUCCEEDED, 0, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attempts is 0; accepted: 1 or more");
    }
}
