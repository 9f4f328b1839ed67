package dev.rollback.micrometer;

import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ObservationRollbackListener: scopes and compensations as rollback.scope and rollback.compensation")
class ObservationRollbackListenerTest {

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final ObservationRollbackListener listener = new ObservationRollbackListener(registry);
    /** In the order they started. */
    private final List<Observation.Context> started = new ArrayList<>();
    private final List<Observation.Context> stopped = new ArrayList<>();

    @BeforeEach
    void addListener() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                started.add(context);
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        Rollback.addListener(listener);
    }

    @AfterEach
    void removeListener() {
        Rollback.removeListener(listener);
    }

    @Test
    void aCommittedScopeIsOneStoppedObservationWithItsNameOutcomeAndRoute() {
        Rollback.run("create-agent", () -> Rollback.register("remove dir", () -> { }));

        assertThat(registry).hasNumberOfObservationsWithNameEqualTo("rollback.scope", 1)
                .hasNumberOfObservationsWithNameEqualTo("rollback.compensation", 0)
                .hasObservationWithNameEqualTo("rollback.scope").that()
                .hasBeenStarted().hasBeenStopped()
                .hasContextualNameEqualTo("rollback create-agent")
                .hasLowCardinalityKeyValue("rollback.operation", "create-agent")
                .hasLowCardinalityKeyValue("rollback.outcome", "committed")
                .hasLowCardinalityKeyValue("rollback.weaving", "programmatic")
                .doesNotHaveLowCardinalityKeyValueWithKey("rollback.operation.id")
                .hasHighCardinalityKeyValueWithKey("rollback.operation.id");
    }

    @Test
    void aRollbackObservesEachCompensationInRunningOrderAsChildrenOfItsScope() {
        IllegalStateException failure = new IllegalStateException("body fails");
        IllegalArgumentException undoFailure = new IllegalArgumentException("undo fails");
        assertThatThrownBy(() -> Rollback.run("create-agent", () -> {
            Rollback.register("low", 10, () -> { });
            Rollback.register("high", 90, () -> {
                throw undoFailure;
            });
            throw failure;
        })).isSameAs(failure).satisfies(t -> assertThat(t.getSuppressed()[0]).isInstanceOf(RollbackIncompleteException.class));

        List<CompensationContext> compensations = started.stream()
                .filter(CompensationContext.class::isInstance).map(CompensationContext.class::cast).toList();
        assertThat(compensations).extracting(CompensationContext::description).containsExactly("high", "low");
        RollbackScopeContext scope = scope("create-agent");
        assertThat(compensations).allSatisfy(c -> assertThat(c.getParentObservation().getContextView()).isSameAs(scope));
        assertThat(compensations.get(0).getError()).isSameAs(undoFailure);
        assertThat(compensations.get(0).getLowCardinalityKeyValue("rollback.outcome").getValue()).isEqualTo("failed");
        assertThat(compensations.get(0).getLowCardinalityKeyValue("rollback.priority").getValue()).isEqualTo("90");
        assertThat(compensations.get(1).getLowCardinalityKeyValue("rollback.outcome").getValue()).isEqualTo("succeeded");
        assertThat(compensations.get(1).getHighCardinalityKeyValue("rollback.compensation.description").getValue())
                .isEqualTo("low");
        assertThat(scope.getError()).isSameAs(failure);
        assertThat(scope.getLowCardinalityKeyValue("rollback.outcome").getValue()).isEqualTo("rollback-incomplete");
        assertThat(stopped).containsExactlyInAnyOrderElementsOf(started);
        assertThat(stopped.get(stopped.size() - 1)).isSameAs(scope);
    }

    @Test
    void aTimedOutCompensationAndACompleteRollbackHaveTheirOutcomes() {
        CountDownLatch never = new CountDownLatch(1);
        assertThatThrownBy(() -> Rollback.run("times out", () -> {
            Rollback.register("slow", 0, Duration.ofMillis(50), 0, never::await);
            throw new IllegalStateException("fails");
        })).hasMessage("fails");
        assertThat(registry).hasObservationWithNameEqualTo("rollback.compensation").that()
                .hasLowCardinalityKeyValue("rollback.outcome", "timed-out")
                .assertThatError().isInstanceOf(java.util.concurrent.TimeoutException.class);

        TestObservationRegistry second = TestObservationRegistry.create();
        ObservationRollbackListener other = new ObservationRollbackListener(second);
        Rollback.addListener(other);
        try {
            assertThatThrownBy(() -> Rollback.run("undone", () -> {
                Rollback.register("quick", () -> { });
                throw new IllegalStateException("fails");
            })).hasMessage("fails");
        } finally {
            Rollback.removeListener(other);
        }
        assertThat(second).hasObservationWithNameEqualTo("rollback.scope").that()
                .hasLowCardinalityKeyValue("rollback.outcome", "rolled-back");
    }

    @Test
    void aNestedScopeIsAChildOfItsEnclosingScopeAndAnOutermostOneOfTheCurrentObservation() {
        Observation request = Observation.start("request", registry);
        try (Observation.Scope inRequest = request.openScope()) {
            Rollback.run("outer", () -> Rollback.run("inner", () -> { }));
        } finally {
            request.stop();
        }

        RollbackScopeContext outer = scope("outer");
        RollbackScopeContext inner = scope("inner");
        assertThat(inner.getParentObservation().getContextView()).isSameAs(outer);
        assertThat(outer.getParentObservation()).isSameAs(request);
        assertThat(inner.getLowCardinalityKeyValue("rollback.outcome").getValue()).isEqualTo("committed");
    }

    private RollbackScopeContext scope(String name) {
        return started.stream().filter(RollbackScopeContext.class::isInstance)
                .map(RollbackScopeContext.class::cast).filter(c -> c.operationName().equals(name)).findFirst().orElseThrow();
    }
}
