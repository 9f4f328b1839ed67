package dev.rollback.test.docs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("docs/test-kit.md shows the code of ProvisioningTest, which the build runs")
class TestKitGuideTest {

    private static final Path GUIDE = Path.of("../docs/test-kit.md");
    private static final Path SOURCE = Path.of("src/test/java/dev/rollback/test/docs/ProvisioningTest.java");

    @ParameterizedTest
    @ValueSource(strings = {"extension", "injector", "idempotency", "report"})
    void showsTheSnippetVerbatim(String name) throws IOException {
        assertThat(Snippets.fenced(GUIDE, name, "java")).isEqualTo(Snippets.region(SOURCE, name));
    }
}
