package dev.rollback.behaviour;

import dev.rollback.RecordedCompensation;
import dev.rollback.Rollback;
import dev.rollback.RollbackListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Listeners that override onRecord see each compensation as it is recorded, and may fail the call")
class RecordListenerTest extends BehaviourTest {

    private final List<RecordedCompensation> seen = new ArrayList<>();
    private RuntimeException failWith;
    private final RollbackListener listener = new RollbackListener() {
        @Override
        public void onRecord(String operationId, RecordedCompensation compensation) {
            seen.add(compensation);
            if (failWith != null) {
                throw failWith;
            }
        }
    };

    {
        Rollback.addListener(listener);
    }

    @AfterEach
    void removeListener() {
        Rollback.removeListener(listener);
    }

    @Test
    void seesAnnotatedAndProgrammaticRecordsAsTheyAreMade() throws Exception {
        orchestrators.atomically(() -> {
            resources.acquireUrgent("a");
            Rollback.register("b", 3, Duration.ofMillis(250), 2, () -> journal.add("release b"));
        });
        assertThat(seen).extracting(RecordedCompensation::description, RecordedCompensation::priority,
                        RecordedCompensation::timeout, RecordedCompensation::retries)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Resources.acquireUrgent(a)", 10, Duration.ZERO, 0),
                        org.assertj.core.groups.Tuple.tuple("b", 3, Duration.ofMillis(250), 2));
    }

    @Test
    void recordsNothingAndTellsNobodyOutsideAScope() {
        resources.acquire("outside");
        assertThat(seen).isEmpty();
        assertThat(Rollback.current()).isEmpty(); // also clears the empty slot that the fast path's read left
    }

    @Test
    void whatOnRecordThrowsLeavesTheCallAfterTheRecordWasKept() {
        IllegalStateException injected = new IllegalStateException("injected after the step");
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("a");
            failWith = injected;
            resources.acquire("b");
            journal.add("never reached");
        }));
        assertThat(thrown).isSameAs(injected);
        assertThat(journal.entries()).containsExactly("acquire a", "acquire b", "release b", "release a");
    }

    @Test
    void theUndoRunsTheSameCompensationAgain() throws Exception {
        orchestrators.atomically(() -> resources.acquire("a"));
        seen.get(0).undo().run();
        assertThat(journal.entries()).containsExactly("acquire a", "release a");
    }
}
