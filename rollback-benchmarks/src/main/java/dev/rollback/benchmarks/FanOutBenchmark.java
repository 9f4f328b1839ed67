package dev.rollback.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * An orchestrator that hands one acquisition each to 8 pool tasks, waits for them, then returns
 * ({@code fan-out-8}) or fails ({@code fan-out-8-failure}, a stackless failure), against hand-written
 * code with a concurrent deque. On a 2-core machine most of the cost is the hand-off between
 * threads, which both sides pay alike.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FanOutBenchmark {

    /** How many tasks, each recording one compensation. */
    @Param({"8"})
    public int tasks;

    /** Whether the orchestrator fails after its tasks ended. */
    @Param({"false", "true"})
    public boolean failing;

    @Benchmark
    public int handwritten(FanOutFixtures.Handwritten fixture) throws Exception {
        if (!failing) {
            return fixture.fanOut.succeed(tasks);
        }
        try {
            return fixture.fanOut.fail(tasks, false);
        } catch (dev.rollback.benchmarks.plain.StepFailure expected) {
            return -1;
        }
    }

    @Benchmark
    public int ajc(FanOutFixtures.Woven fixture) throws Exception {
        if (!failing) {
            return fixture.fanOut.succeed(tasks);
        }
        try {
            return fixture.fanOut.fail(tasks, false);
        } catch (dev.rollback.benchmarks.woven.StepFailure expected) {
            return -1;
        }
    }

    @Benchmark
    @Fork(jvmArgsAppend = AgentFixture.JAVAAGENT)
    public int agent(FanOutFixtures.Agent fixture) throws Exception {
        if (!failing) {
            return fixture.fanOut.succeed(tasks);
        }
        try {
            return fixture.fanOut.fail(tasks, false);
        } catch (dev.rollback.benchmarks.plain.StepFailure expected) {
            return -1;
        }
    }
}
