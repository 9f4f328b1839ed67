package dev.rollback.behaviour.docs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Documentation: every relative link in README.md, docs/ and the module READMEs resolves, anchors included; the README stays short")
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> documents = documents();
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            broken.addAll(MarkdownLinks.brokenLinks(ROOT, document));
        }

        assertThat(documents).as("documents checked").contains(ROOT.resolve("README.md"), ROOT.resolve("docs/semantics.md"));
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void theReadmeStaysShortEnoughToReadInTenMinutes() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md")))
                .as("README.md's lines; accepted: about 200 at most, with details in a page of docs/ linked from it")
                .hasSizeLessThanOrEqualTo(230);
    }

    @Test
    void aBrokenLinkOrAnchorIsReportedWithItsFileAndLine(@org.junit.jupiter.api.io.TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/page.md"), "# A page\n\n## Its `second` part: here\n");
        Path readme = Files.writeString(root.resolve("README.md"), String.join("\n",
                "# Title",
                "[fine](docs/page.md) and [fine too](docs/page.md#its-second-part-here), [web](https://example.org/x)",
                "[missing](docs/nothing.md)",
                "[bad anchor](docs/page.md#no-such-part) and [outside](../elsewhere.md)",
                "```",
                "[inside a code block](not/checked.md)",
                "```",
                "`[inside code](not/checked.md)` [own anchor](#title)"));

        assertThat(MarkdownLinks.brokenLinks(root, readme)).containsExactly(
                "README.md:3: docs/nothing.md: no such file",
                "README.md:4: docs/page.md#no-such-part: no heading with anchor #no-such-part in docs/page.md;"
                        + " its anchors: [a-page, its-second-part-here]",
                "README.md:4: ../elsewhere.md: leaves the repository");
    }

    /** README.md, CHANGELOG.md, CONTRIBUTING.md, docs/**.md and each module's README.md. */
    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        try (Stream<Path> top = Files.list(ROOT)) {
            top.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).forEach(documents::add);
        }
        return documents.stream().sorted().toList();
    }
}
