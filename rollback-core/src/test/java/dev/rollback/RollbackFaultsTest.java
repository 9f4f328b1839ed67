package dev.rollback;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Faults injected at each step of a rollback: registration, the body, compensations, time limits. */
class RollbackFaultsTest {

    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void noRetryPause() {
        Rollback.setRetryBackoff(Duration.ZERO, Duration.ZERO);
    }

    @AfterEach
    void defaultRetryPause() {
        Rollback.setRetryBackoff(Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    @Test
    void aRegistrationThatFailsRollsBackWhatWasRegisteredBeforeAndLetsItsExceptionThrough() {
        Throwable thrown = catchThrowable(() -> Rollback.run("register-fails", () -> {
            Rollback.register("a", record("a"));
            Rollback.register("b", record("b"));
            Rollback.register(null, record("never"));
        }));

        assertThat(thrown).isInstanceOf(NullPointerException.class).hasMessage("description").hasNoSuppressedExceptions();
        assertThat(ran).containsExactly("b", "a");
    }

    @Test
    void aRegistrationWithANegativeTimeoutIsRefusedAndTheEarlierOnesRollBack() {
        Throwable thrown = catchThrowable(() -> Rollback.run("bad-timeout", () -> {
            Rollback.register("a", record("a"));
            Rollback.register("negative", 0, Duration.ofMillis(-1), 0, record("never"));
        }));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout PT-0.001S for 'negative'; accepted: Duration.ZERO (no limit) or a positive duration");
        assertThat(ran).containsExactly("a");
    }

    @Test
    void aRegistrationWithoutACompensationIsRefused() {
        Throwable thrown = catchThrowable(() -> Rollback.run("no-compensation", () -> {
            Rollback.register("a", record("a"));
            Rollback.register("missing", null);
        }));

        assertThat(thrown).isInstanceOf(NullPointerException.class).hasMessage("compensation");
        assertThat(ran).containsExactly("a");
    }

    @Test
    void aRegistrationWithNoScopeOpenIsRefusedAndRecordsNothing() {
        assertThatThrownBy(() -> Rollback.register("orphan", record("orphan")))
                .isInstanceOf(RollbackStateException.class)
                .hasMessage("Rollback.register(\"orphan\", ...) with no scope open on thread '" + Thread.currentThread().getName()
                        + "'; accepted: inside a @WithRollback method, Rollback.run, Rollback.call or a Rollback.begin"
                        + " block (compensations themselves run outside any scope)");
        assertThat(Rollback.current()).isEmpty();
    }

    @Test
    void aBodyThatThrowsACheckedExceptionRunsEveryCompensationAndRethrowsTheSameInstance() {
        IOException failure = new IOException("body failed");

        Throwable thrown = catchThrowable(() -> Rollback.run("body-fails", () -> {
            for (int i = 1; i <= 3; i++) {
                Rollback.register("c" + i, record("c" + i));
            }
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure).hasNoSuppressedExceptions();
        assertThat(ran).containsExactly("c3", "c2", "c1");
        assertThat(Rollback.current()).isEmpty();
    }

    @ParameterizedTest(name = "compensation {0} of 5 fails")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void compensationKOfNFailingDoesNotStopTheOthers(int k) {
        IllegalStateException failure = new IllegalStateException("body failed");
        IOException broken = new IOException("c" + k + " failed");

        Throwable thrown = catchThrowable(() -> Rollback.run("k-of-n", () -> {
            for (int i = 5; i >= 1; i--) {
                String name = "c" + i;
                Rollback.register(name, i == k ? () -> {
                    ran.add(name);
                    throw broken;
                } : record(name));
            }
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(ran).containsExactly("c1", "c2", "c3", "c4", "c5");
        RollbackIncompleteException incomplete = onlyIncomplete(thrown);
        RollbackReport report = incomplete.report();
        assertThat(incomplete).hasMessage("rollback of 'k-of-n' [" + report.operationId()
                + "] incomplete: 80.0%, 1 of 5 compensations did not succeed: c" + k + " (FAILED)");
        assertThat(incomplete.getSuppressed()).containsExactly(broken);
        assertThat(report.actions()).extracting(CompensationResult::outcome)
                .containsExactlyElementsOf(outcomesWithFailureAt(k));
        assertThat(report.completeness()).isEqualTo(80.0);
    }

    @Test
    void everyCompensationFailingStillRunsEachOfThem() {
        IllegalStateException failure = new IllegalStateException("body failed");

        Throwable thrown = catchThrowable(() -> Rollback.run("all-fail", () -> {
            for (int i = 1; i <= 3; i++) {
                String name = "c" + i;
                Rollback.register(name, () -> {
                    ran.add(name);
                    throw new IOException(name + " failed");
                });
            }
            throw failure;
        }));

        assertThat(ran).containsExactly("c3", "c2", "c1");
        assertThat(onlyIncomplete(thrown).report().completeness()).isZero();
        assertThat(onlyIncomplete(thrown).getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("c3 failed", "c2 failed", "c1 failed");
    }

    @Test
    void aFailingCompensationIsRetriedAndSucceedsOnItsThirdAttempt() {
        int[] attempts = {0};
        IllegalStateException failure = new IllegalStateException("body failed");

        Throwable thrown = catchThrowable(() -> Rollback.run("retry", () -> {
            Rollback.register("flaky", 0, Duration.ZERO, 2, () -> {
                if (++attempts[0] < 3) {
                    throw new IOException("attempt " + attempts[0] + " failed");
                }
            });
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure).hasNoSuppressedExceptions();
        assertThat(attempts[0]).isEqualTo(3);
    }

    @Test
    void aTimedCompensationThatHangsTimesOutIsInterruptedAndTheOthersStillRun() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        IllegalStateException failure = new IllegalStateException("body failed");

        Throwable thrown = catchThrowable(() -> Rollback.run("hangs", () -> {
            Rollback.register("after", record("after"));
            Rollback.register("hangs", 0, Duration.ofMillis(100), 0, () -> {
                try {
                    TimeUnit.SECONDS.sleep(30);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            });
            Rollback.register("before", record("before"));
            throw failure;
        }));

        assertThat(ran).containsExactly("before", "after");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the hanging compensation was interrupted").isTrue();
        CompensationResult hangs = onlyIncomplete(thrown).report().actions().get(1);
        assertThat(hangs.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(hangs.attempts()).isEqualTo(1);
        assertThat(hangs.error()).get().isInstanceOf(TimeoutException.class).extracting(Throwable::getMessage).asString()
                .matches("compensation 'hangs' of operation \\S+ did not finish within 100 ms; its thread"
                        + " 'rollback-compensation-\\S+-\\d+' was interrupted and abandoned");
    }

    @Test
    void aTimedCompensationThatIgnoresItsInterruptIsAbandonedAndTheOthersRunMeanwhile() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);

        Throwable thrown = catchThrowable(() -> Rollback.run("stubborn", () -> {
            Rollback.register("after", record("after"));
            Rollback.register("stubborn", 0, Duration.ofMillis(50), 3, () -> {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignoredOnPurpose) {
                        interrupted.countDown(); // a compensation that will not stop: the case under test
                    }
                }
                finished.countDown();
            });
            throw new IllegalStateException("body failed");
        }));

        try {
            assertThat(ran).containsExactly("after");
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the overrunning attempt was interrupted").isTrue();
            CompensationResult stubborn = onlyIncomplete(thrown).report().actions().get(0);
            assertThat(stubborn.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(stubborn.attempts()).as("a timed-out attempt is not retried").isEqualTo(1);
            assertThat(finished.getCount()).as("still running when the rollback ended").isEqualTo(1);
        } finally {
            release.countDown();
        }
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTimedCompensationThatThrowsIsReportedAsFailedWithItsOwnException() {
        IOException broken = new IOException("timed failed");

        Throwable thrown = catchThrowable(() -> Rollback.run("timed-throws", () -> {
            Rollback.register("ok", 0, Duration.ofSeconds(5), 0, record("ok"));
            Rollback.register("throws", 0, Duration.ofSeconds(5), 0, () -> {
                throw broken;
            });
            throw new IllegalStateException("body failed");
        }));

        RollbackReport report = onlyIncomplete(thrown).report();
        assertThat(report.actions()).extracting(CompensationResult::outcome).containsExactly(Outcome.FAILED, Outcome.SUCCEEDED);
        assertThat(report.actions().get(0).error()).containsSame(broken);
        assertThat(ran).containsExactly("ok");
    }

    @Test
    void compensationsStillRunWhenTheRollingBackThreadIsInterruptedAndTheInterruptIsKept() {
        IllegalStateException failure = new IllegalStateException("body failed");

        Throwable thrown = catchThrowable(() -> Rollback.run("interrupted", () -> {
            Rollback.register("timed", 0, Duration.ofSeconds(5), 0, () -> {
                TimeUnit.MILLISECONDS.sleep(20);
                ran.add("timed");
            });
            Rollback.register("sleeps", () -> {
                TimeUnit.MILLISECONDS.sleep(20);
                ran.add("sleeps");
            });
            Thread.currentThread().interrupt();
            throw failure;
        }));

        assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
        assertThat(thrown).isSameAs(failure).hasNoSuppressedExceptions();
        assertThat(ran).containsExactly("sleeps", "timed");
    }

    private Compensation record(String name) {
        return () -> ran.add(name);
    }

    private static RollbackIncompleteException onlyIncomplete(Throwable thrown) {
        assertThat(thrown.getSuppressed()).hasSize(1).hasOnlyElementsOfType(RollbackIncompleteException.class);
        return (RollbackIncompleteException) thrown.getSuppressed()[0];
    }

    private static List<Outcome> outcomesWithFailureAt(int k) {
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(5, Outcome.SUCCEEDED));
        outcomes.set(k - 1, Outcome.FAILED);
        return outcomes;
    }
}
