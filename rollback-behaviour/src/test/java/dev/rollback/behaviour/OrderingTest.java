package dev.rollback.behaviour;

import dev.rollback.Rollback;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Semantics 3: compensations run by priority descending, then newest first")
class OrderingTest extends BehaviourTest {

    @Test
    void runsEqualPrioritiesInReverseOrderOfRecording() {
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("a");
            resources.acquire("b");
            resources.acquire("c");
            throw new IllegalStateException("boom");
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("c", "b", "a");
    }

    @Test
    void runsHigherPriorityCompensationsFirst() {
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquireUrgent("urgent-1");
            resources.acquire("normal-1");
            resources.acquireLate("late");
            resources.acquireUrgent("urgent-2");
            resources.acquire("normal-2");
            throw new IllegalStateException("boom");
        }));
        assertThat(journal.withPrefix("release "))
                .containsExactly("urgent-2", "urgent-1", "normal-2", "normal-1", "late");
    }

    @Test
    void ordersAnnotatedAndProgrammaticRecordsTogether() {
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("annotated-0");
            Rollback.register("programmatic-20", 20, () -> journal.add("release programmatic-20"));
            Rollback.register("programmatic-0", () -> journal.add("release programmatic-0"));
            resources.acquireUrgent("annotated-10");
            throw new IllegalStateException("boom");
        }));
        assertThat(journal.withPrefix("release "))
                .containsExactly("programmatic-20", "annotated-10", "programmatic-0", "annotated-0");
    }

    @Test
    void keepsRecordingOrderAcrossNestedScopesHandedToTheEnclosingOne() {
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("outer-1");
            orchestrators.atomically(() -> {
                resources.acquire("inner-1");
                resources.acquire("inner-2");
            });
            resources.acquire("outer-2");
            throw new IllegalStateException("boom");
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("outer-2", "inner-2", "inner-1", "outer-1");
    }
}
