package dev.rollback.spi;

import dev.rollback.Rollback;
import dev.rollback.RollbackScope;
import dev.rollback.RollbackStateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ScopeBinding: a scope captured on one thread is entered and left on another, as a wrapped task is (C1)")
class ScopeBindingTest {

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final List<String> undone = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void workBetweenEnterAndLeaveRecordsIntoTheCapturedScopeAndTheThreadIsLeftAsItWas() {
        assertThat(ScopeBinding.capture()).isNull();
        List<Optional<RollbackScope>> seen = new ArrayList<>();
        assertThatThrownBy(() -> Rollback.run("captured", () -> {
            ScopeBinding binding = ScopeBinding.capture();
            assertThat(binding.scope()).isSameAs(Rollback.current().orElseThrow());
            pool.submit(() -> {
                ScopeBinding.Entered entered = binding.enter();
                try {
                    seen.add(Rollback.current());
                    Rollback.register("from the pool", () -> undone.add("from the pool"));
                } finally {
                    entered.leave();
                }
                seen.add(Rollback.current());
                return null;
            }).get(10, TimeUnit.SECONDS);
            throw new IllegalStateException("fails");
        })).hasMessage("fails");

        assertThat(seen.get(0)).isPresent();
        assertThat(seen.get(1)).isEmpty();
        assertThat(undone).containsExactly("from the pool");
    }

    @Test
    void aRollbackWaitsForAThreadStillInsideTheScope() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        assertThatThrownBy(() -> Rollback.run("waits", () -> {
            ScopeBinding binding = ScopeBinding.capture();
            work.add(pool.submit(() -> {
                ScopeBinding.Entered entry = binding.enter();
                try {
                    entered.countDown();
                    release.await();
                    Rollback.register("while rolling back", () -> undone.add("while rolling back"));
                } finally {
                    entry.leave();
                }
                return null;
            }));
            entered.await();
            release.countDown();
            throw new IllegalStateException("fails");
        })).hasMessage("fails");
        work.get(0).get(10, TimeUnit.SECONDS);
        assertThat(undone).containsExactly("while rolling back");
    }

    @Test
    void anEntryIsLeftOnceOnItsOwnThread() throws Exception {
        Rollback.run("twice", () -> {
            ScopeBinding.Entered entered = ScopeBinding.capture().enter();
            assertThatThrownBy(() -> pool.submit(entered::leave).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(RollbackStateException.class)
                    .hasMessageContaining("accepted: once, on the thread that entered it ('main')");
            entered.leave();
            assertThatThrownBy(entered::leave).isInstanceOf(RollbackStateException.class)
                    .hasMessageContaining(", which was left already; accepted: once");
        });
    }
}
