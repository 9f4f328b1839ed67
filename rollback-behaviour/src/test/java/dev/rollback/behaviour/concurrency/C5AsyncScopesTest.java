package dev.rollback.behaviour.concurrency;

import dev.rollback.Outcome;
import dev.rollback.RecordedCompensation;
import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import dev.rollback.RollbackScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("C5: a @WithRollback method or Rollback.async returning a stage keeps its scope open until the stage completes")
class C5AsyncScopesTest extends ConcurrencyTest {

    /** The three ways of opening a scope that follows a stage. */
    enum Route { ANNOTATED_FUTURE, ANNOTATED_STAGE, PROGRAMMATIC }

    private <T> CompletableFuture<T> start(Route route, Supplier<CompletableFuture<T>> body) {
        return switch (route) {
            case ANNOTATED_FUTURE -> async.future(body);
            case ANNOTATED_STAGE -> async.<T>stage(body::get).toCompletableFuture();
            case PROGRAMMATIC -> Rollback.async("async", body);
        };
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void exceptionalCompletionRollsBackThenFailsTheCallerWithTheVeryThrowable(Route route) {
        CompletableFuture<String> work = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("fails 100 ms later, say");

        CompletableFuture<String> caller = start(route, () -> {
            resources.acquire("before the return");
            return work;
        });
        assertThat(Rollback.current()).as("the method's thread left the scope when the method returned").isEmpty();
        assertThat(caller).isNotDone();
        assertThat(journal.withPrefix("release ")).isEmpty();
        List<String> releasedWhenCallerFailed = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> seen = caller.handle((value, thrown) -> {
            releasedWhenCallerFailed.addAll(journal.withPrefix("release "));
            return thrown;
        });
        work.completeExceptionally(failure);

        assertThat(seen.join()).isSameAs(failure);
        assertThat(releasedWhenCallerFailed).as("undone before the caller's future completed").containsExactly("before the return");
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void normalCompletionCommitsAndTheCallerGetsTheResult(Route route) {
        CompletableFuture<String> work = new CompletableFuture<>();
        CompletableFuture<String> caller = start(route, () -> {
            resources.acquire("kept");
            return work;
        });
        work.complete("done");

        assertThat(caller.join()).isEqualTo("done");
        assertThat(journal.withPrefix("release ")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void cancellingTheCallersFutureRollsBackAndCancelsTheWork(Route route) {
        CompletableFuture<String> work = new CompletableFuture<>();
        CompletableFuture<String> caller = start(route, () -> {
            resources.acquire("cancelled");
            return work;
        });

        assertThat(caller.cancel(true)).isTrue();

        assertThat(journal.withPrefix("release ")).containsExactly("cancelled");
        assertThat(caller).isCancelled();
        assertThat(work).isCancelled();
        assertThat(caller.cancel(true)).as("cancelled once").isTrue();
        assertThat(journal.withPrefix("release ")).containsExactly("cancelled");
    }

    @Test
    void theWorkBeingCancelledRollsBackAndTheCallerIsCancelledToo() {
        CompletableFuture<String> work = new CompletableFuture<>();
        CompletableFuture<String> caller = async.future(() -> {
            resources.acquire("cancelled underneath");
            return work;
        });
        work.cancel(false);

        assertThat(caller).isCancelled();
        assertThat(journal.withPrefix("release ")).containsExactly("cancelled underneath");
    }

    @Test
    void aSynchronousThrowRollsBackAtOnceAndIsRethrown() {
        Throwable thrown = thrownBy(() -> async.throwing(() -> resources.acquire("sync")));
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("no stage");
        assertThat(journal.withPrefix("release ")).containsExactly("sync");

        IllegalArgumentException programmatic = new IllegalArgumentException("programmatic");
        Throwable rethrown = thrownBy(() -> Rollback.async("async", () -> {
            resources.acquire("sync, programmatic");
            throw programmatic;
        }));
        assertThat(rethrown).isSameAs(programmatic);
        assertThat(journal.withPrefix("release ")).containsExactly("sync", "sync, programmatic");
    }

    @Test
    void workBoundToTheScopeAfterTheReturnRecordsInItAndIsUndone() {
        CompletableFuture<String> caller = async.future(() -> CompletableFuture
                .supplyAsync(() -> resources.acquire("step 1"), Rollback.executor(pool))
                .thenApplyAsync(step -> resources.acquire("step 2"), Rollback.executor(pool))
                .thenApply(step -> {
                    throw new IllegalStateException("step 3 fails");
                }));

        Throwable thrown = thrownBy(caller::join);

        assertThat(thrown).isInstanceOf(CompletionException.class).hasRootCauseMessage("step 3 fails");
        assertThat(journal.withPrefix("release ")).containsExactly("step 2", "step 1");
    }

    @Test
    void aStageCompletedInsideOneOfItsOwnTasksSettlesWithoutWaitingForThatTask() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<String> caller = async.future(() -> CompletableFuture.supplyAsync(() -> {
            resources.acquire("in the task that completes the stage");
            throw new IllegalStateException("fails inside its task");
        }, Rollback.executor(pool)));

        Throwable thrown = thrownBy(() -> caller.get(5, TimeUnit.SECONDS));

        assertThat(thrown).hasRootCauseMessage("fails inside its task");
        assertThat(journal.withPrefix("release ")).containsExactly("in the task that completes the stage");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("seconds: no wait for its own task")
                .isLessThan(5);
    }

    @Test
    void anIncompleteRollbackAddsASuppressedRollbackIncompleteExceptionToTheVeryThrowable() {
        CompletableFuture<String> work = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("fails");
        CompletableFuture<String> caller = async.future(() -> {
            resources.acquireBrokenUndo("broken");
            return work;
        });
        work.completeExceptionally(failure);

        assertThat(caller.handle((v, e) -> e).join()).isSameAs(failure);
        assertThat(failure.getSuppressed()).singleElement().isInstanceOfSatisfying(RollbackIncompleteException.class,
                e -> assertThat(e.report().actions()).extracting(a -> a.outcome()).containsExactly(Outcome.FAILED));
    }

    @Test
    void aFailureThatDoesNotCallForARollbackCommits() {
        CompletableFuture<String> work = new CompletableFuture<>();
        IllegalStateException notIo = new IllegalStateException("not an IOException");
        CompletableFuture<String> caller = async.onlyForIo(() -> {
            resources.acquire("kept despite the failure");
            return work;
        });
        work.completeExceptionally(notIo);

        assertThat(caller.handle((v, e) -> e).join()).isSameAs(notIo);
        assertThat(journal.withPrefix("release ")).isEmpty();

        CompletableFuture<String> io = new CompletableFuture<>();
        CompletableFuture<String> rolledBack = async.onlyForIo(() -> {
            resources.acquire("undone for the IOException");
            return io;
        });
        io.completeExceptionally(new IOException("io"));
        assertThat(rolledBack).isCompletedExceptionally();
        assertThat(journal.withPrefix("release ")).containsExactly("undone for the IOException");
    }

    @Test
    void aNestedAsyncScopeThatCommitsHandsItsRecordsToTheEnclosingScopeBeforeTheCallerHearsOfIt() {
        CompletableFuture<String> work = new CompletableFuture<>();
        Throwable thrown = thrownBy(() -> Rollback.run("outer", () -> {
            RollbackScope outer = Rollback.current().orElseThrow();
            CompletableFuture<List<String>> pendingWhenDone = async.future(() -> {
                resources.acquire("inner");
                return work;
            }).thenApply(done -> outer.pending().stream().map(RecordedCompensation::description).toList());
            assertThat(Rollback.current()).contains(outer);
            work.complete("done");
            assertThat(pendingWhenDone.join()).containsExactly("Resources.acquire(inner)");
            throw new IllegalStateException("outer fails");
        }));

        assertThat(thrown).hasMessage("outer fails");
        assertThat(journal.withPrefix("release ")).containsExactly("inner");
    }

    @Test
    void aStageThatIsAlreadyCompleteSettlesBeforeTheMethodReturns() {
        CompletableFuture<String> caller = async.future(() -> {
            resources.acquire("done at once");
            return CompletableFuture.failedFuture(new IllegalStateException("failed already"));
        });

        assertThat(caller).isCompletedExceptionally();
        assertThat(journal.withPrefix("release ")).containsExactly("done at once");
    }

    @Test
    void completingTheCallersFutureFromOutsideSettlesTheScopeAsTheStageWould() {
        CompletableFuture<String> caller = async.future(() -> {
            resources.acquire("failed from outside");
            return new CompletableFuture<>();
        });
        caller.completeExceptionally(new IllegalStateException("given up"));
        assertThat(journal.withPrefix("release ")).containsExactly("failed from outside");

        CompletableFuture<String> committed = async.future(() -> {
            resources.acquire("completed from outside");
            return new CompletableFuture<>();
        });
        committed.complete("enough");
        assertThat(committed.join()).isEqualTo("enough");
        assertThat(journal.withPrefix("release ")).containsExactly("failed from outside");
    }

    @Test
    void aNullStageFromRollbackAsyncIsRefusedAfterTheScopeClosed() {
        Throwable thrown = thrownBy(() -> Rollback.async("null stage", () -> (CompletionStage<String>) null));
        assertThat(thrown).isInstanceOf(NullPointerException.class).hasMessage("the body of Rollback.async(\"null stage\","
                + " ...) returned null; accepted: a CompletionStage (CompletableFuture.completedFuture(value) for work"
                + " already done)");
    }

    @Test
    void cancellationCarriesWhatTheRollbackLeftUndone() {
        CompletableFuture<String> caller = async.future(() -> {
            resources.acquireBrokenUndo("broken, cancelled");
            return new CompletableFuture<>();
        });
        caller.cancel(false);

        Throwable thrown = caller.handle((value, failure) -> failure).join();
        assertThat(thrown).isInstanceOf(CancellationException.class).hasMessageStartingWith("the caller cancelled the future of scope 'async'");
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(RollbackIncompleteException.class);
    }
}
