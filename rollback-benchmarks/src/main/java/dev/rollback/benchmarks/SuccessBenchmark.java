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

/** An orchestrator method that records {@code compensations} calls and returns: scenarios {@code success-N}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SuccessBenchmark {

    /** How many {@code @Compensate} calls the scope records. */
    @Param({"0", "1", "10"})
    public int compensations;

    @Benchmark
    public int handwritten(PlainFixture fixture) {
        return fixture.handwritten.succeed(compensations);
    }

    @Benchmark
    public int ajc(WovenFixture fixture) {
        return fixture.orchestrator.succeed(compensations);
    }

    @Benchmark
    @Fork(jvmArgsAppend = AgentFixture.JAVAAGENT)
    public int agent(AgentFixture fixture) {
        return fixture.orchestrator.succeed(compensations);
    }

    @Benchmark
    public int programmatic(PlainFixture fixture) {
        return fixture.programmatic.succeed(compensations);
    }

    @Benchmark
    public int spring(SpringFixture fixture) {
        return fixture.orchestrator.succeed(compensations);
    }
}
