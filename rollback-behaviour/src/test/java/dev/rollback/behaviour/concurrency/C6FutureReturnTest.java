package dev.rollback.behaviour.concurrency;

import dev.rollback.CompensationConfigurationException;
import dev.rollback.behaviour.fixtures.FutureReturning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("C6: @WithRollback on a method returning a Future that is not a CompletionStage fails before the body")
class C6FutureReturnTest extends ConcurrencyTest {

    private final FutureReturning fixture = new FutureReturning();

    @BeforeEach
    void noBodyRunYet() {
        FutureReturning.BODY_RUNS.set(0);
    }

    @Test
    void aPlainFutureIsAConfigurationErrorOnEveryCallBeforeTheBody() {
        for (int call = 0; call < 2; call++) {
            Throwable thrown = thrownBy(fixture::plainFuture);
            assertThat(thrown).isInstanceOf(CompensationConfigurationException.class).hasMessage("@WithRollback on"
                    + " dev.rollback.behaviour.fixtures.FutureReturning.plainFuture() returns java.util.concurrent.Future,"
                    + " a Future whose completion cannot be observed, so the scope could neither commit nor roll back"
                    + " when the work ends; accepted return types for work that outlives the method:"
                    + " java.util.concurrent.CompletionStage or java.util.concurrent.CompletableFuture");
        }
        assertThat(FutureReturning.BODY_RUNS).hasValue(0);
    }

    @Test
    void aFutureTaskIsRefusedToo() {
        assertThat(thrownBy(fixture::futureTask)).isInstanceOf(CompensationConfigurationException.class)
                .hasMessageContaining("returns java.util.concurrent.FutureTask, a Future whose completion cannot be observed");
        assertThat(FutureReturning.BODY_RUNS).hasValue(0);
    }

    @Test
    void aStageTypeOfItsOwnIsRefusedBecauseTheCallersFutureCannotStandInForIt() {
        assertThat(thrownBy(fixture::ownStage)).isInstanceOf(CompensationConfigurationException.class).hasMessage(
                "@WithRollback on dev.rollback.behaviour.fixtures.FutureReturning.ownStage() returns"
                        + " dev.rollback.behaviour.fixtures.FutureReturning$OwnStage, a CompletionStage the scope cannot"
                        + " hand its own future in place of; accepted return types for work that outlives the method:"
                        + " java.util.concurrent.CompletionStage or java.util.concurrent.CompletableFuture");
        assertThat(FutureReturning.BODY_RUNS).hasValue(0);
    }
}
