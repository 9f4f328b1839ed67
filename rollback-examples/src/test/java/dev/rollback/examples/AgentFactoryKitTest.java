package dev.rollback.examples;

import dev.rollback.test.FailureInjector;
import dev.rollback.test.IdempotencyProbe;
import dev.rollback.test.InjectionResult;
import dev.rollback.test.RollbackExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example's orchestrator under the rollback-test kit: a failure injected right after every
 * step, and every compensation run twice, on the real resources.
 */
@ExtendWith(RollbackExtension.class)
class AgentFactoryKitTest {

    @TempDir
    Path root;

    private Environment environment;

    @BeforeEach
    void open() throws Exception {
        environment = Environment.open(root, Faults.NONE, new Console(new PrintWriter(Writer.nullWriter())));
    }

    @AfterEach
    void close() throws Exception {
        environment.close();
        World world = new World(root);
        world.endAllWorkers();
        world.endTmuxServer();
    }

    /** Everything an agent can leave: files, rows, worker processes, windows. */
    private List<String> world() throws Exception {
        List<String> state = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("agents"))) {
            files.map(root::relativize).map(Path::toString).sorted().forEach(state::add);
        }
        for (Registry.Row row : environment.registry().list()) {
            state.add("row " + row.name() + " " + row.state());
        }
        Checks.workerProcesses("kit-agent", environment.workspaces().dirOf("kit-agent"))
                .forEach(worker -> state.add("worker " + worker.pid()));
        if (environment.tmux()) {
            environment.tmuxServer().windowNames().forEach(window -> state.add("window " + window));
        }
        return state;
    }

    @Test
    void everyStepOfCreatingAnAgentIsUndoneWhereverTheCreationFails() {
        InjectionResult result = FailureInjector.assertEveryFailureIsUndone(this::world,
                () -> environment.factory().create("kit-agent"));
        assertThat(result.calls()).isEqualTo(environment.tmux() ? 5 : 4);
    }

    /** The steps in the kit's own scope: the probe's second records are lambdas, which a durable scope refuses. */
    @Test
    void everyCompensationOfAnAgentCanRunTwice() {
        IdempotencyProbe.assertIdempotent(this::world, () -> environment.factory().steps("kit-agent"));
    }
}
