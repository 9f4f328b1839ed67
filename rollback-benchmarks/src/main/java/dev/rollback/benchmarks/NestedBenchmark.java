package dev.rollback.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Three nested scopes, each recording one call and succeeding, so that each hands its records to
 * the enclosing one: scenario {@code nested-3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NestedBenchmark {

    private static final String NAME = ResourceNames.ALL[0];

    @Benchmark
    public int handwritten(PlainFixture fixture) {
        return fixture.handwritten.enter(NAME, 3);
    }

    @Benchmark
    public int ajc(WovenFixture fixture) {
        return fixture.layers.enter(NAME);
    }

    @Benchmark
    @Fork(jvmArgsAppend = AgentFixture.JAVAAGENT)
    public int agent(AgentFixture fixture) {
        return fixture.layers.enter(NAME);
    }

    @Benchmark
    public int programmatic(PlainFixture fixture) {
        return fixture.programmatic.enter(NAME, 3);
    }

    @Benchmark
    public int spring(SpringFixture fixture) {
        return fixture.layers.enter(NAME);
    }
}
