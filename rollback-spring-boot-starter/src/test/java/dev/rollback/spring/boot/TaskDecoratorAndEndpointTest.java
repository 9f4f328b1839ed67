package dev.rollback.spring.boot;

import dev.rollback.Rollback;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Boot's task executors, the rollbacks endpoint, the task wait and the properties' metadata")
class TaskDecoratorAndEndpointTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
            .withConfiguration(AutoConfigurationMatrixTest.ROLLBACK);
    private final List<String> undone = Collections.synchronizedList(new ArrayList<>());

    @Test
    void bootsApplicationTaskExecutorRunsTasksInsideTheSubmittersScope() {
        runner.run(context -> {
            ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
            rollBackWithATaskOn(executor);
            assertThat(undone).containsExactly("from task");
        });
    }

    @Test
    void rollbacksDecoratorIsComposedWithTheApplicationsOwn() {
        List<String> decorated = Collections.synchronizedList(new ArrayList<>());
        TaskDecorator own = task -> () -> {
            decorated.add("own decorator ran");
            task.run();
        };
        runner.withBean("ownDecorator", TaskDecorator.class, () -> own).run(context -> {
            ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
            rollBackWithATaskOn(executor);
            assertThat(undone).containsExactly("from task");
            assertThat(decorated).containsExactly("own decorator ran");
        });
    }

    private void rollBackWithATaskOn(ThreadPoolTaskExecutor executor) {
        assertThatThrownBy(() -> Rollback.run("fan-out", () -> {
            executor.submit(() -> Rollback.register("from task", () -> undone.add("from task"))).get(10, TimeUnit.SECONDS);
            throw new IllegalStateException("fails");
        })).hasMessage("fails");
    }

    @Test
    void theEndpointListsRecentReportsNewestFirstAndFindsOneByOperationId() {
        runner.withPropertyValues("rollback.reports.keep=2").run(context -> {
            RollbackEndpoint endpoint = context.getBean(RollbackEndpoint.class);
            for (String name : List.of("first", "second", "third")) {
                assertThatThrownBy(() -> Rollback.run(name, () -> {
                    Rollback.register("undo " + name, 7, () -> { });
                    throw new IllegalStateException("fails");
                })).hasMessage("fails");
            }

            RollbackEndpoint.Rollbacks all = endpoint.rollbacks();
            assertThat(all.rollbacks()).isEqualTo(3);
            assertThat(all.incompleteRollbacks()).isZero();
            assertThat(all.reports()).extracting(RollbackEndpoint.Report::name).containsExactly("third", "second");
            RollbackEndpoint.Report third = all.reports().get(0);
            assertThat(third.completeness()).isEqualTo(100.0);
            assertThat(third.compensations()).singleElement().satisfies(c -> {
                assertThat(c.description()).isEqualTo("undo third");
                assertThat(c.priority()).isEqualTo(7);
                assertThat(c.outcome()).isEqualTo("succeeded");
                assertThat(c.attempts()).isEqualTo(1);
                assertThat(c.error()).isNull();
            });
            assertThat(endpoint.report(third.operationId())).isEqualTo(third);
            assertThat(endpoint.report("no-such-id")).isNull();
        });
    }

    @Test
    void theTaskWaitPropertyReachesRollback() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try {
            runner.withPropertyValues("rollback.task-wait=0ms").run(context -> {
                ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
                CountDownLatch started = new CountDownLatch(1);
                List<Future<?>> task = new ArrayList<>();
                // with the default 10 s wait the rollback would wait for the task, which waits for the release below
                assertThatThrownBy(() -> Rollback.run("does not wait", () -> {
                    task.add(executor.submit(() -> {
                        started.countDown();
                        release.await();
                        return null;
                    }));
                    started.await();
                    throw new IllegalStateException("fails");
                })).hasMessage("fails");
                assertThat(task.get(0).isDone()).isFalse();
                release.countDown();
                task.get(0).get(10, TimeUnit.SECONDS);
            });
        } finally {
            release.countDown();
            Rollback.setTaskWait(Duration.ofSeconds(10));
        }
    }

    @Test
    void everyPropertyIsInTheGeneratedMetadataWithItsDefault() throws Exception {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String property : List.of("rollback.retry.initial-delay", "rollback.retry.max-delay", "rollback.task-wait",
                "rollback.parallelism", "rollback.logging.level", "rollback.weaving.verify",
                "rollback.transactions.enabled", "rollback.reports.keep", "rollback.health.enabled",
                "rollback.observations.enabled", "rollback.task-decorator.enabled")) {
            assertThat(metadata).contains("\"name\": \"" + property + "\"");
        }
        assertThat(metadata).contains("\"defaultValue\": \"10s\"").contains("\"defaultValue\": \"fail\"");
    }
}
