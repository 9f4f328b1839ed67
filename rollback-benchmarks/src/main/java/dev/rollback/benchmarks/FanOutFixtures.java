package dev.rollback.benchmarks;

import dev.rollback.benchmarks.plain.SharedResources;
import dev.rollback.benchmarks.plain.StepFailure;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The fan-out scenario's fixtures: a pool of 8 threads each, and the check that each variant is advised as it claims. */
public final class FanOutFixtures {

    private FanOutFixtures() {
    }

    /** What every fan-out fixture holds. */
    abstract static class WithPool {
        final ExecutorService pool = Executors.newFixedThreadPool(8);

        @TearDown(Level.Trial)
        public void stopPool() throws InterruptedException {
            pool.shutdownNow();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the fan-out pool did not end within 10 s");
            }
        }
    }

    /** Hand-written code with a concurrent deque; fails the trial if something advised the never-woven classes. */
    @State(Scope.Thread)
    public static class Handwritten extends WithPool {
        final SharedResources resources = new SharedResources();
        final HandwrittenFanOut fanOut = new HandwrittenFanOut(resources, ResourceNames.ALL, pool);

        @Setup(Level.Trial)
        public void verifyNotAdvised() throws Exception {
            int held = resources.held();
            try {
                new dev.rollback.benchmarks.plain.FanOut(resources, ResourceNames.ALL, pool).fail(3, false);
            } catch (StepFailure expected) {
                Verify.held("never-woven fan-out classes without an agent", resources.held(), held + 3);
                return;
            }
            throw new IllegalStateException("FanOut.fail returned");
        }
    }

    /** The classes compiled and woven by ajc. */
    @State(Scope.Thread)
    public static class Woven extends WithPool {
        final dev.rollback.benchmarks.woven.SharedResources resources = new dev.rollback.benchmarks.woven.SharedResources();
        final dev.rollback.benchmarks.woven.FanOut fanOut = new dev.rollback.benchmarks.woven.FanOut(resources,
                ResourceNames.ALL, pool);

        @Setup(Level.Trial)
        public void verifyWoven() throws Exception {
            int held = resources.held();
            try {
                fanOut.fail(3, false);
            } catch (dev.rollback.benchmarks.woven.StepFailure expected) {
                Verify.held("ajc-woven fan-out classes", resources.held(), held);
                return;
            }
            throw new IllegalStateException("FanOut.fail returned");
        }
    }

    /** The never-woven classes, advised by the agent of the fork. */
    @State(Scope.Thread)
    public static class Agent extends WithPool {
        final SharedResources resources = new SharedResources();
        final dev.rollback.benchmarks.plain.FanOut fanOut = new dev.rollback.benchmarks.plain.FanOut(resources,
                ResourceNames.ALL, pool);

        @Setup(Level.Trial)
        public void verifyAdvised() throws Exception {
            int held = resources.held();
            try {
                fanOut.fail(3, false);
            } catch (StepFailure expected) {
                Verify.held("fan-out classes under the agent (" + AgentFixture.JAVAAGENT + ")", resources.held(), held);
                return;
            }
            throw new IllegalStateException("FanOut.fail returned");
        }
    }
}
