package dev.rollback.behaviour;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("README: the compile-time weaving snippet is exactly what this suite and the examples are built with")
class ReadmeSnippetTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theReadmeSnippetIsTheOneThisModuleIsWovenWith() throws IOException {
        assertThat(normalized(pomSnippet("rollback-behaviour"))).isEqualTo(normalized(readmeSnippet()));
    }

    @Test
    void theReadmeSnippetIsTheOneTheExamplesAreWovenWith() throws IOException {
        assertThat(normalized(pomSnippet("rollback-examples"))).isEqualTo(normalized(readmeSnippet()));
    }

    private static String readmeSnippet() throws IOException {
        String readme = between(Files.readString(ROOT.resolve("README.md")),
                "<!-- weaving-snippet:begin -->", "<!-- weaving-snippet:end -->");
        return between(readme, "```xml", "```");
    }

    private static String pomSnippet(String module) throws IOException {
        return between(Files.readString(ROOT.resolve(module).resolve("pom.xml")),
                "<!-- README:weaving-snippet:begin -->", "<!-- README:weaving-snippet:end -->");
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin);
        int to = text.indexOf(end, from + begin.length());
        assertThat(from).as("marker " + begin).isNotNegative();
        assertThat(to).as("marker " + end).isNotNegative();
        return text.substring(from + begin.length(), to);
    }

    private static String normalized(String xml) {
        return xml.strip().replaceAll("\\s+", " ");
    }
}
