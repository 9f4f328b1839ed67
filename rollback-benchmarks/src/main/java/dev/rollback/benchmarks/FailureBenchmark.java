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
 * An orchestrator method that records {@code compensations} calls and throws, so that all of them
 * run: scenarios {@code failure-N}, and {@code failure-N-fresh} with an exception that fills in its
 * stack trace. Two baselines: {@code handwritten}, the bare undo loop, and {@code limit}, the same
 * loop that also times each undo and keeps its outcome, as the engine's report needs
 * ({@link TimedHandwritten}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FailureBenchmark {

    /** How many compensations the rollback runs. */
    @Param({"10", "1000"})
    public int compensations;

    /** Whether the failure fills in its stack trace. */
    @Param({"false", "true"})
    public boolean stackTrace;

    @Benchmark
    public Object handwritten(PlainFixture fixture) {
        try {
            return fixture.handwritten.fail(compensations, stackTrace);
        } catch (dev.rollback.benchmarks.plain.StepFailure expected) {
            return expected;
        }
    }

    @Benchmark
    public Object limit(PlainFixture fixture) {
        try {
            return fixture.limit.fail(compensations, stackTrace);
        } catch (dev.rollback.benchmarks.plain.StepFailure expected) {
            return expected;
        }
    }

    @Benchmark
    public Object ajc(WovenFixture fixture) {
        try {
            return fixture.orchestrator.fail(compensations, stackTrace);
        } catch (dev.rollback.benchmarks.woven.StepFailure expected) {
            return expected;
        }
    }

    @Benchmark
    @Fork(jvmArgsAppend = AgentFixture.JAVAAGENT)
    public Object agent(AgentFixture fixture) {
        try {
            return fixture.orchestrator.fail(compensations, stackTrace);
        } catch (dev.rollback.benchmarks.plain.StepFailure expected) {
            return expected;
        }
    }

    @Benchmark
    public Object programmatic(PlainFixture fixture) {
        try {
            return fixture.programmatic.fail(compensations, stackTrace);
        } catch (dev.rollback.benchmarks.plain.StepFailure expected) {
            return expected;
        }
    }

    @Benchmark
    public Object spring(SpringFixture fixture) {
        try {
            return fixture.orchestrator.fail(compensations, stackTrace);
        } catch (dev.rollback.benchmarks.plain.StepFailure expected) {
            return expected;
        }
    }
}
