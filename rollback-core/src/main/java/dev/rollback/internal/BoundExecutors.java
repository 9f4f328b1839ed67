package dev.rollback.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Executors whose every task is bound, when it is submitted, to the scope current on the
 * submitting thread (semantics C1); with no scope open a task runs as it would unwrapped.
 */
public final class BoundExecutors {

    private BoundExecutors() {
    }

    /**
     * @param executor where the tasks run
     * @return an executor binding each task to the submitter's scope
     */
    public static Executor of(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        if (executor instanceof ExecutorService service) {
            return of(service);
        }
        return executor instanceof BoundExecutor ? executor : new BoundExecutor(executor);
    }

    /**
     * @param executor where the tasks run
     * @return an executor service binding each task to the submitter's scope; shutting it down
     *         shuts {@code executor} down
     */
    public static ExecutorService of(ExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return executor instanceof BoundExecutorService ? executor : new BoundExecutorService(executor);
    }

    private record BoundExecutor(Executor executor) implements Executor {
        @Override
        public void execute(Runnable command) {
            executor.execute(BoundTasks.wrap(command));
        }
    }

    private static final class BoundExecutorService implements ExecutorService {

        private final ExecutorService executor;

        BoundExecutorService(ExecutorService executor) {
            this.executor = executor;
        }

        @Override
        public void execute(Runnable command) {
            executor.execute(BoundTasks.wrap(command));
        }

        @Override
        public Future<?> submit(Runnable task) {
            return executor.submit(BoundTasks.wrap(task));
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return executor.submit(BoundTasks.wrap(task), result);
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return executor.submit(BoundTasks.wrap(task));
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return executor.invokeAll(wrapAll(tasks));
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return executor.invokeAll(wrapAll(tasks), timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
            return executor.invokeAny(wrapAll(tasks));
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return executor.invokeAny(wrapAll(tasks), timeout, unit);
        }

        private static <T> List<Callable<T>> wrapAll(Collection<? extends Callable<T>> tasks) {
            List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
            for (Callable<T> task : tasks) {
                wrapped.add(BoundTasks.wrap(task));
            }
            return wrapped;
        }

        @Override
        public void shutdown() {
            executor.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return executor.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return executor.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return executor.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return executor.awaitTermination(timeout, unit);
        }

        @Override
        public String toString() {
            return "Rollback.executor(" + executor + ")";
        }
    }
}
