package dev.rollback.annotation.processing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/compile-time-checks.md shows these sources and what javac says about them; this proves it. */
@DisplayName("docs/compile-time-checks.md: its examples are compiled, and javac says what the guide shows")
class GuideTest {

    private static final Path GUIDE = Path.of("../docs/compile-time-checks.md");
    private static final Path EXAMPLES = Path.of("src/test/resources/guide");

    @Test
    void showsTheMisspeltExampleAndTheErrorJavacReportsForIt(@TempDir Path output) throws IOException {
        String tabs = Files.readString(EXAMPLES.resolve("Tabs.java"));

        Compilation compilation = Compilation.of(output, List.of(tabs), Compilation.explicitProcessor());

        assertThat(compilation.errors()).singleElement().satisfies(error -> {
            assertThat(fenced(GUIDE, "tabs", "java")).isEqualTo(tabs);
            assertThat(fenced(GUIDE, "tabs-error", "text"))
                    .isEqualTo("Tabs.java:" + error.line() + ": error: " + error.message() + "\n");
        });
    }

    @Test
    void showsAnOptOutThatCompiles(@TempDir Path output) throws IOException {
        String fixtures = Files.readString(EXAMPLES.resolve("Fixtures.java"));

        Compilation compilation = Compilation.of(output, List.of(fixtures), Compilation.explicitProcessor());

        assertThat(compilation.diagnostics()).isEmpty();
        assertThat(fenced(GUIDE, "opt-out", "java")).isEqualTo(fixtures);
    }

    private static String fenced(Path document, String name, String language) throws IOException {
        String text = Files.readString(document);
        int marker = text.indexOf("<!-- snippet:" + name + " -->");
        assertThat(marker).as("<!-- snippet:" + name + " --> in " + document).isNotNegative();
        String open = "```" + language + "\n";
        int from = text.indexOf(open, marker) + open.length();
        return text.substring(from, text.indexOf("```", from));
    }
}
