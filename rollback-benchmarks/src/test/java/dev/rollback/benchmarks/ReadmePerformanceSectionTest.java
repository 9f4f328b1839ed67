package dev.rollback.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's Performance section is what {@code run.sh --readme} writes from the runs recorded in
 * {@code rollback-benchmarks/results/}: nobody types its numbers. (Here rather than beside the
 * README's other checks in rollback-behaviour, which would otherwise depend on the benchmarks.)
 */
class ReadmePerformanceSectionTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void readmesPerformanceSectionIsWhatTheRecordedRunsGive() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(ReadmeSection.current(readme))
                .as("README's lines between the performance markers; rewrite them with rollback-benchmarks/run.sh --readme DIR17 DIR25")
                .isEqualTo(ReadmeSection.format(ReadmeSection.recorded(ROOT.resolve("rollback-benchmarks/results"))));
    }
}
