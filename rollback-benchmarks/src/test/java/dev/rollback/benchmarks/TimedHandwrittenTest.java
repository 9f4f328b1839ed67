package dev.rollback.benchmarks;

import dev.rollback.benchmarks.plain.Resources;
import dev.rollback.benchmarks.plain.StepFailure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TimedHandwrittenTest {

    private static final String[] NAMES = {"a", "b", "c"};

    @Test
    void undoesEverythingNewestFirstAndKeepsNoReportWhenEveryUndoSucceeds() {
        Resources resources = new Resources();

        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> new TimedHandwritten(resources, NAMES).fail(3, false));

        assertThat(resources.held()).isZero();
        assertThat(failure.getSuppressed()).isEmpty();
    }

    @Test
    void anIncompleteRollbackCarriesEveryUndosNameStartDurationAndThrowableInRunningOrder() {
        IllegalStateException refused = new IllegalStateException("b is busy");
        List<String> released = new java.util.ArrayList<>();
        Resources resources = new Resources() {
            @Override
            public void release(String name) {
                released.add(name);
                if (name.equals("b")) {
                    throw refused;
                }
                super.release(name);
            }
        };

        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> new TimedHandwritten(resources, NAMES).fail(3, false));

        assertThat(released).containsExactly("c", "b", "a");
        assertThat(failure.getSuppressed()).hasSize(2);
        assertThat(failure.getSuppressed()[0]).isSameAs(refused);
        TimedHandwritten.IncompleteUndo incomplete = (TimedHandwritten.IncompleteUndo) failure.getSuppressed()[1];
        assertThat(incomplete).hasMessage("rollback incomplete: 1 of 3 undo actions failed");
        TimedHandwritten.UndoReport report = incomplete.report();
        assertThat(report.outcomes()).extracting(TimedHandwritten.UndoOutcome::name)
                .containsExactly("Resources.release(c)", "Resources.release(b)", "Resources.release(a)");
        assertThat(report.outcomes()).extracting(TimedHandwritten.UndoOutcome::thrown).containsExactly(null, refused, null);
        assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.nanos()).isNotNegative());
        assertThat(report.outcomes().get(0).startNanos()).isEqualTo(report.startNanos());
        for (int i = 1; i < 3; i++) {
            TimedHandwritten.UndoOutcome previous = report.outcomes().get(i - 1);
            assertThat(report.outcomes().get(i).startNanos()).as("each starts as the previous ends")
                    .isEqualTo(previous.startNanos() + previous.nanos());
        }
        assertThat(report.nanos()).isEqualTo(report.outcomes().stream().mapToLong(TimedHandwritten.UndoOutcome::nanos).sum());
    }
}
