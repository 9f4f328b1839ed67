package dev.rollback;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Errors thrown by compensations: every one is caught per compensation, so the others run; a
 * {@link VirtualMachineError} is reported at once without its retries, any other error is retried.
 */
class ErrorInCompensationTest {

    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    private int depth;

    @BeforeEach
    void noRetryPause() {
        Rollback.setRetryBackoff(Duration.ZERO, Duration.ZERO);
    }

    @AfterEach
    void defaultRetryPause() {
        Rollback.setRetryBackoff(Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    @Test
    void aRealStackOverflowInOneCompensationLetsTheOthersRunAndIsNotRetried() {
        int[] attempts = {0};
        IllegalStateException failure = new IllegalStateException("body failed");

        Throwable thrown = catchThrowable(() -> Rollback.run("overflow", () -> {
            Rollback.register("after", () -> ran.add("after"));
            Rollback.register("overflows", 0, Duration.ZERO, 3, () -> {
                attempts[0]++;
                recurse();
            });
            Rollback.register("before", () -> ran.add("before"));
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(ran).containsExactly("before", "after");
        CompensationResult overflow = incomplete(thrown).report().actions().get(1);
        assertThat(overflow.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(overflow.error()).get().isInstanceOf(StackOverflowError.class);
        assertThat(overflow.attempts()).isEqualTo(1);
        assertThat(attempts[0]).isEqualTo(1);
    }

    @Test
    void anOutOfMemoryErrorIsReportedWithoutRetriesAndTheOthersRun() {
        OutOfMemoryError oom = new OutOfMemoryError("simulated");

        Throwable thrown = catchThrowable(() -> Rollback.run("oom", () -> {
            Rollback.register("after", () -> ran.add("after"));
            Rollback.register("oom", 0, Duration.ZERO, 5, () -> {
                ran.add("oom");
                throw oom;
            });
            throw new IllegalStateException("body failed");
        }));

        assertThat(ran).containsExactly("oom", "after");
        CompensationResult result = incomplete(thrown).report().actions().get(0);
        assertThat(result.error()).containsSame(oom);
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void anErrorThatIsNoVirtualMachineErrorIsRetriedLikeAnException() {
        Throwable thrown = catchThrowable(() -> Rollback.run("assertion", () -> {
            Rollback.register("asserts", 0, Duration.ZERO, 2, () -> {
                ran.add("asserts");
                throw new AssertionError("invariant broken");
            });
            throw new IllegalStateException("body failed");
        }));

        CompensationResult result = incomplete(thrown).report().actions().get(0);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.error()).get().isInstanceOf(AssertionError.class).hasFieldOrPropertyWithValue("message", "invariant broken");
        assertThat(ran).hasSize(3);
    }

    @Test
    void aStackOverflowOnTheTimedCompensationThreadLetsTheOthersRun() {
        Throwable thrown = catchThrowable(() -> Rollback.run("timed-overflow", () -> {
            Rollback.register("after", () -> ran.add("after"));
            Rollback.register("overflows", 0, Duration.ofSeconds(10), 2, this::recurse);
            throw new IllegalStateException("body failed");
        }));

        assertThat(ran).containsExactly("after");
        CompensationResult overflow = incomplete(thrown).report().actions().get(0);
        assertThat(overflow.error()).get().isInstanceOf(StackOverflowError.class);
        assertThat(overflow.attempts()).isEqualTo(1);
    }

    @Test
    void aBodyThatOverflowsTheStackIsRolledBackAndRethrownUnchanged() {
        Throwable thrown = catchThrowable(() -> Rollback.run("body-overflow", () -> {
            Rollback.register("undo", () -> ran.add("undo"));
            recurse();
        }));

        assertThat(thrown).isInstanceOf(StackOverflowError.class).hasNoSuppressedExceptions();
        assertThat(ran).containsExactly("undo");
    }

    private void recurse() {
        depth++;
        recurse();
    }

    private static RollbackIncompleteException incomplete(Throwable thrown) {
        assertThat(thrown.getSuppressed()).hasSize(1).hasOnlyElementsOfType(RollbackIncompleteException.class);
        return (RollbackIncompleteException) thrown.getSuppressed()[0];
    }
}
