package dev.rollback.behaviour;

import dev.rollback.Outcome;
import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import dev.rollback.RollbackScope;
import dev.rollback.RollbackStateException;
import dev.rollback.behaviour.fixtures.ThreadState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Programmatic API: begin/commit/close, run, call, register; alone and mixed with annotated scopes")
class ProgrammaticApiTest extends BehaviourTest {

    @Test
    void closeWithoutCommitRollsBack() {
        try (RollbackScope scope = Rollback.begin("create-agent")) {
            Rollback.register("remove a", () -> journal.add("release a"));
            assertThat(scope.name()).isEqualTo("create-agent");
        }
        assertThat(journal.entries()).containsExactly("release a");
    }

    @Test
    void commitKeepsTheWork() {
        try (RollbackScope scope = Rollback.begin("create-agent")) {
            Rollback.register("remove a", () -> journal.add("release a"));
            scope.commit();
            scope.commit();
        }
        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void closeThrowsRollbackIncompleteExceptionWhenACompensationFailed() {
        RollbackScope scope = Rollback.begin("create-agent");
        Rollback.register("fails", () -> {
            throw new IOException("disk gone");
        });
        assertThatThrownBy(scope::close).isInstanceOf(RollbackIncompleteException.class)
                .satisfies(e -> assertThat(((RollbackIncompleteException) e).report().actions().get(0).outcome()).isEqualTo(Outcome.FAILED))
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("disk gone"));
    }

    @Test
    void runRethrowsTheBodysCheckedExceptionUnwrappedAfterRollingBack(@org.junit.jupiter.api.io.TempDir Path root) {
        IOException failure = new IOException("quota exceeded");
        Path dir = root.resolve("agent-7");
        Throwable thrown = thrownBy(() -> Rollback.run("create-agent", () -> {
            Files.createDirectory(dir);
            Rollback.register("remove " + dir, 60, () -> Files.delete(dir));
            throw failure;
        }));
        assertThat(thrown).isSameAs(failure);
        assertThat(dir).doesNotExist();
    }

    @Test
    void runNeedsNoCatchForABodyWithoutCheckedExceptions() {
        Rollback.run("no-checked", () -> journal.add("ran"));
        assertThat(journal.entries()).containsExactly("ran");
    }

    @Test
    void callReturnsTheBodysResultAndKeepsItsWork() {
        String result = Rollback.call("create-agent", () -> {
            Rollback.register("undo", () -> journal.add("undone"));
            return "agent-7";
        });
        assertThat(result).isEqualTo("agent-7");
        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void registerWithNoScopeOpenIsRefused() {
        assertThatThrownBy(() -> Rollback.register("remove x", () -> journal.add("never")))
                .isInstanceOf(RollbackStateException.class)
                .hasMessage("Rollback.register(\"remove x\", ...) with no scope open on thread '" + Thread.currentThread().getName()
                        + "'; accepted: inside a @WithRollback method, Rollback.run, Rollback.call or a Rollback.begin block"
                        + " (compensations themselves run outside any scope)");
    }

    @Test
    void registerRefusesNegativeRetries() {
        Rollback.run("x", () -> assertThatThrownBy(() -> Rollback.register("r", 0, java.time.Duration.ZERO, -1, () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retries -1 for 'r'; accepted: 0 or more"));
    }

    @Test
    void programmaticScopesNestInsideAnnotatedOnes() {
        thrownBy(() -> orchestrators.atomically(() -> {
            resources.acquire("annotated");
            Rollback.run("programmatic", () -> Rollback.register("programmatic", () -> journal.add("release programmatic")));
            throw new IllegalStateException("boom");
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("programmatic", "annotated");
    }

    @Test
    void annotatedScopesNestInsideProgrammaticOnes() throws Exception {
        try (RollbackScope scope = Rollback.begin("outer")) {
            orchestrators.atomically(() -> resources.acquire("annotated"));
            Rollback.register("programmatic", () -> journal.add("release programmatic"));
            assertThat(scope.operationId()).isNotBlank();
        }
        assertThat(journal.withPrefix("release ")).containsExactly("programmatic", "annotated");
    }

    @Test
    void closingAnOuterScopeRollsBackInnerScopesLeftOpenAndSaysSo() {
        RollbackScope outer = Rollback.begin("outer");
        Rollback.register("outer", () -> journal.add("release outer"));
        RollbackScope inner = Rollback.begin("inner");
        Rollback.register("inner", () -> journal.add("release inner"));
        outer.commit();
        assertThatThrownBy(outer::close).isInstanceOf(RollbackStateException.class)
                .hasMessage(inner + " was still open when " + outer + " closed, so it was rolled back;"
                        + " accepted: close every scope (try-with-resources) before the one around it");
        assertThat(journal.entries()).containsExactly("release inner");
        assertThat(ThreadState.holdsRollbackState()).isFalse();
    }

    @Test
    void anAnnotatedMethodThatLeavesAProgrammaticScopeOpenRollsItBackAndFails() {
        Throwable thrown = thrownBy(() -> orchestrators.atomically(() -> {
            Rollback.begin("forgotten");
            Rollback.register("forgotten", () -> journal.add("release forgotten"));
        }));
        assertThat(thrown).isInstanceOf(RollbackStateException.class).hasMessageContaining("scope 'forgotten' [")
                .hasMessageContaining("was still open when scope 'Orchestrators.atomically' [");
        assertThat(journal.entries()).containsExactly("release forgotten");
    }

    @Test
    void closingFromAnotherThreadIsRefused() throws Exception {
        RollbackScope scope = Rollback.begin("owned");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Throwable thrown = other.submit(() -> thrownBy(scope::close)).get();
            assertThat(thrown).isInstanceOf(RollbackStateException.class)
                    .hasMessageStartingWith("close() on " + scope + " from thread '")
                    .hasMessageEndingWith("'; accepted: only the thread that opened it, '" + Thread.currentThread().getName()
                            + "', closes it");
        } finally {
            other.shutdownNow();
            scope.close();
        }
    }

    @Test
    void compensationsRunOutsideAnyScope() {
        boolean[] scopeSeen = {true};
        thrownBy(() -> orchestrators.atomically(() -> {
            Rollback.register("look", () -> scopeSeen[0] = Rollback.current().isPresent());
            throw new IllegalStateException("boom");
        }));
        assertThat(scopeSeen[0]).isFalse();
    }
}
