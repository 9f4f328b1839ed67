package dev.rollback.test;

import dev.rollback.Rollback;
import dev.rollback.RollbackScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.rollback.test.RollbackAssertions.assertThatReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

@DisplayName("RollbackExtension: a test that leaves a scope open fails, and the scope is rolled back")
class RollbackExtensionTest {

    static final List<String> UNDONE = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetEarlierRuns() {
        UNDONE.clear();
    }

    @Test
    void failsATestThatLeavesAScopeOpenAndRollsItBack() {
        Throwable failure = onlyFailure(LeavesAScopeOpen.class);

        assertThat(failure).isInstanceOf(AssertionFailedError.class)
                .hasMessageMatching("leaks\\(\\) left 2 rollback scope\\(s\\) open on thread '" + Thread.currentThread().getName()
                        + "': scope 'inner' \\[\\S+\\], scope 'outer' \\[\\S+\\] \\(rolled back now, innermost first\\); accepted:"
                        + " every scope closed where it was opened, for example with try-with-resources around Rollback.begin");
        assertThat(UNDONE).containsExactly("inner work", "outer work");
        assertThat(Rollback.current()).isEmpty();
    }

    @Test
    void failsATestThatStartsWithAScopeAlreadyOpen() {
        RollbackScope leaked = Rollback.begin("leaked before");
        try {
            Throwable failure = onlyFailure(ClosesItsScopes.class);

            assertThat(failure).isInstanceOf(AssertionFailedError.class)
                    .hasMessage(leaked + " was already open on thread '" + Thread.currentThread().getName() + "' before"
                            + " undoes(RollbackReports) started; accepted: every scope closed by the code that opened it (an earlier test,"
                            + " a @BeforeAll or a @BeforeEach)");
        } finally {
            leaked.commit();
            leaked.close();
        }
    }

    @Test
    void passesATestThatClosesItsScopesAndHandsItTheReports() {
        List<Event> events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ClosesItsScopes.class)).execute()
                .testEvents().finished().list();

        assertThat(events).singleElement().satisfies(event -> assertThat(event.getPayload(TestExecutionResult.class))
                .get().extracting(TestExecutionResult::getStatus).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(UNDONE).containsExactly("closed work");
    }

    private static Throwable onlyFailure(Class<?> testClass) {
        List<Event> failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
                .testEvents().failed().list();
        assertThat(failed).hasSize(1);
        return failed.get(0).getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    /** Run by the engine test kit only: surefire skips nested classes. */
    @ExtendWith(RollbackExtension.class)
    static class LeavesAScopeOpen {
        @Test
        void leaks() {
            Rollback.begin("outer");
            Rollback.register("outer work", () -> UNDONE.add("outer work"));
            Rollback.begin("inner");
            Rollback.register("inner work", () -> UNDONE.add("inner work"));
        }
    }

    /** Run by the engine test kit only: surefire skips nested classes. */
    @ExtendWith(RollbackExtension.class)
    static class ClosesItsScopes {
        @Test
        void undoes(RollbackReports reports) {
            try (RollbackScope scope = Rollback.begin("closed")) {
                Rollback.register("closed work", () -> UNDONE.add("closed work"));
            }
            assertThatReport(reports.last()).hasName("closed").ranInOrder("closed work");
        }
    }
}
