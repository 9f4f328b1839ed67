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
 * A {@code @Compensate} call with no scope open, which records nothing: scenario {@code no-scope}.
 * Its baseline ({@code handwritten}) is the plain call of the never-woven method.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NoScopeBenchmark {

    private static final String NAME = ResourceNames.ALL[0];

    @Benchmark
    public String handwritten(PlainFixture fixture) {
        return fixture.resources.acquire(NAME);
    }

    @Benchmark
    public String ajc(WovenFixture fixture) {
        return fixture.resources.acquire(NAME);
    }

    @Benchmark
    @Fork(jvmArgsAppend = AgentFixture.JAVAAGENT)
    public String agent(AgentFixture fixture) {
        return fixture.resources.acquire(NAME);
    }

    @Benchmark
    public String programmatic(PlainFixture fixture) {
        return fixture.programmatic.acquireOutsideScope(NAME);
    }

    @Benchmark
    public String spring(SpringFixture fixture) {
        return fixture.resources.acquire(NAME);
    }
}
