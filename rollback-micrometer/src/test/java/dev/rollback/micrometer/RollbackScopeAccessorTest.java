package dev.rollback.micrometer;

import dev.rollback.Rollback;
import dev.rollback.RollbackScope;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("RollbackScopeAccessor: context-propagation carries the current scope to the task's thread (C1)")
class RollbackScopeAccessorTest {

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final List<String> undone = Collections.synchronizedList(new ArrayList<>());
    private final List<Optional<RollbackScope>> seenAfterTask = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void isRegisteredInTheGlobalContextRegistry() {
        assertThat(ContextRegistry.getInstance().getThreadLocalAccessors())
                .anySatisfy(accessor -> assertThat(accessor.key()).isEqualTo(RollbackScopeAccessor.KEY));
    }

    @Test
    void aSnapshotTakenInsideAScopeRunsItsTaskInsideThatScopeAndLeavesThePoolThreadClean() throws Exception {
        assertThatThrownBy(() -> Rollback.run("create-agent", () -> {
            Runnable task = ContextSnapshotFactory.builder().build().captureAll()
                    .wrap(() -> Rollback.register("from the pool", () -> undone.add("from the pool")));
            pool.submit(task).get(10, TimeUnit.SECONDS);
            throw new IllegalStateException("fails");
        })).hasMessage("fails");

        assertThat(undone).containsExactly("from the pool");
        assertPoolThreadHoldsNoScope();
    }

    @Test
    void aContextExecutorServiceBindsTasksSubmittedInsideAScopeAndOnlyThose() throws Exception {
        ExecutorService propagating = ContextExecutorService.wrap(pool);
        assertThatThrownBy(() -> Rollback.run("create-agent", () -> {
            propagating.submit(() -> Rollback.register("inside", () -> undone.add("inside"))).get(10, TimeUnit.SECONDS);
            throw new IllegalStateException("fails");
        })).hasMessage("fails");
        assertThat(propagating.submit(() -> Rollback.current().isPresent()).get(10, TimeUnit.SECONDS)).isFalse();

        assertThat(undone).containsExactly("inside");
        assertPoolThreadHoldsNoScope();
    }

    @Test
    void springsContextPropagatingTaskDecoratorCarriesTheScope() throws Exception {
        ContextPropagatingTaskDecorator decorator = new ContextPropagatingTaskDecorator();
        assertThatThrownBy(() -> Rollback.run("create-agent", () -> {
            pool.submit(decorator.decorate(() -> Rollback.register("decorated", () -> undone.add("decorated"))))
                    .get(10, TimeUnit.SECONDS);
            throw new IllegalStateException("fails");
        })).hasMessage("fails");

        assertThat(undone).containsExactly("decorated");
        assertPoolThreadHoldsNoScope();
    }

    @Test
    void aSnapshotWithoutAScopeLeavesTheRunningThreadInsideItsOwnScope() {
        ContextSnapshot outside = ContextSnapshotFactory.builder().clearMissing(true).build().captureAll();
        Rollback.run("own", () -> {
            RollbackScope own = Rollback.current().orElseThrow();
            Runnable check = () -> assertThat(Rollback.current()).containsSame(own);
            outside.wrap(check).run();
            assertThat(Rollback.current()).containsSame(own);
        });
        assertThat(Rollback.current()).isEmpty();
    }

    @Test
    void aRestoreWithoutItsSetValueNamesWhatIsAccepted() {
        assertThatThrownBy(() -> new RollbackScopeAccessor().restore())
                .hasMessage("restore of the Rollback scope on thread 'main' without a setValue before it; accepted: each"
                        + " restore() after the setValue() it undoes, on the same thread, as"
                        + " ContextSnapshot.setThreadLocals() does");
    }

    private void assertPoolThreadHoldsNoScope() throws Exception {
        pool.submit(() -> seenAfterTask.add(Rollback.current())).get(10, TimeUnit.SECONDS);
        assertThat(seenAfterTask).containsExactly(Optional.empty());
    }
}
