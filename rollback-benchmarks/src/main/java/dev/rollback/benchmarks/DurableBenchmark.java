package dev.rollback.benchmarks;

import dev.rollback.Rollback;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A durable scope that records {@code compensations} ajc-woven {@code @Compensate} calls and
 * commits, journaled in a file journal on the local disk with each {@link dev.rollback.durable.SyncPolicy}
 * ({@code programmatic}: {@code Rollback.scope(..).durable(true)}); the same scope in memory
 * ({@code memory}); and the hand-written limit, a write and a {@code FileChannel.force} per entry
 * ({@code handwritten}, {@link ForcedRecords}). Scenarios {@code durable-success-N-<policy>}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DurableBenchmark {

    /** How many {@code @Compensate} calls the scope records. */
    @Param({"1", "10"})
    public int compensations;

    @Benchmark
    public int handwritten(ForcedRecords records) throws IOException {
        return records.succeed(compensations);
    }

    @Benchmark
    public int programmatic(DurableFixture fixture) {
        return Rollback.scope("durable-success").durable(true).call(() -> acquire(fixture));
    }

    @Benchmark
    public int memory(DurableFixture fixture) {
        return Rollback.scope("durable-success").call(() -> acquire(fixture));
    }

    private int acquire(DurableFixture fixture) {
        for (int i = 0; i < compensations; i++) {
            fixture.resources.acquire(ResourceNames.ALL[i]);
        }
        return compensations;
    }
}
