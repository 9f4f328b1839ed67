package dev.rollback.behaviour.docs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds, with a nested Maven run, a fresh project whose pom is the README's Maven section: the BOM
 * import, the one dependency without a version, and the compile-time weaving snippet. Its code and
 * its test are woven by that snippet; the test fails unless the compensation really runs.
 *
 * <p>The nested run resolves Rollback from a local repository made of this reactor's artifacts
 * (the flattened BOM, the poms and the jars just built), and everything else from the outer build's
 * local repository, mirrored as a file repository: no network, and nothing written outside the
 * test's temporary directory.
 */
@DisplayName("README: a fresh project made of the Maven section (BOM, dependency, weaving snippet) builds, weaves and rolls back")
class ReadmeBomRouteIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmesBomRouteBuildsAProjectWhoseFailureIsUndone(@TempDir Path work) throws Exception {
        String version = System.getProperty("rollback.it.version");
        Readme readme = Readme.read(ROOT.resolve("README.md"));
        assertThat(readme.bomVersion()).as("the version README's Maven section imports; accepted: the project's, "
                + version).isEqualTo(version);

        Path repository = NestedMaven.repositoryOfThisReactor(ROOT, work.resolve("repository"), version);
        Path project = BomRouteProject.write(work.resolve("project"), readme, Pom.read(ROOT.resolve("pom.xml")));
        NestedMaven.Run run = NestedMaven.run(project, repository, work.resolve("settings.xml"), List.of("test"));

        assertThat(run.exitCode()).as("exit code of the nested build; its output:\n" + run.output()).isZero();
        assertThat(run.output())
                .contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0")
                .doesNotContain("cantFindType", "can't determine annotations");
    }

    /** The parts of README.md this test builds from. */
    record Readme(String bomAndDependency, String weavingSnippet) {

        static Readme read(Path readme) throws IOException {
            String text = Files.readString(readme);
            return new Readme(fencedXml(text, "<!-- maven-bom:begin -->", "<!-- maven-bom:end -->"),
                    fencedXml(text, "<!-- weaving-snippet:begin -->", "<!-- weaving-snippet:end -->"));
        }

        String bomVersion() {
            int bom = bomAndDependency.indexOf("<artifactId>rollback-bom</artifactId>");
            assertThat(bom).as("rollback-bom in README's Maven section").isNotNegative();
            int from = bomAndDependency.indexOf("<version>", bom) + "<version>".length();
            return bomAndDependency.substring(from, bomAndDependency.indexOf("</version>", from));
        }

        private static String fencedXml(String text, String begin, String end) {
            int from = text.indexOf(begin);
            int to = text.indexOf(end, from);
            assertThat(from).as("marker " + begin + " in README.md").isNotNegative();
            assertThat(to).as("marker " + end + " in README.md").isNotNegative();
            String section = text.substring(from, to);
            int code = section.indexOf("```xml\n") + "```xml\n".length();
            return section.substring(code, section.indexOf("```", code));
        }
    }
}
