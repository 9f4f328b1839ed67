package dev.rollback.behaviour.docs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Publishing: every module is in rollback-bom or never published, and a published pom says what Central asks")
class PublishedModulesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SKIP = "rollback.publish.skip";
    /** Set from rollback.publish.skip in the root pom; a module setting them itself would bypass the rule. */
    private static final List<String> DERIVED = List.of("maven.deploy.skip", "maven.source.skip",
            "maven.javadoc.skip", "gpg.skip", "skipPublishing");

    private final Pom root = Pom.read(ROOT.resolve("pom.xml"));

    @Test
    void everyModuleIsInTheBomOrMarkedNeverPublished() {
        Set<String> inBom = bomArtifacts();
        List<String> neither = new ArrayList<>();
        for (String module : root.modules()) {
            Pom pom = Pom.read(ROOT.resolve(module).resolve("pom.xml"));
            boolean skipped = pom.property(SKIP).map(Boolean::parseBoolean).orElse(false);
            String artifactId = pom.text("artifactId").orElseThrow();
            if (!skipped && !inBom.contains(artifactId) && !artifactId.equals("rollback-bom")) {
                neither.add(artifactId);
            }
            if (skipped) {
                assertThat(inBom).as(artifactId + " is never published, so rollback-bom must not list it")
                        .doesNotContain(artifactId);
            }
        }
        assertThat(neither).as("modules neither listed in rollback-bom/pom.xml nor setting <" + SKIP
                + ">true</" + SKIP + "> (CONTRIBUTING.md: \"Modules that are never published\")").isEmpty();
    }

    @Test
    void theBomListsOnlyModulesOfThisReactor() {
        Set<String> modules = root.modules().stream()
                .map(m -> Pom.read(ROOT.resolve(m).resolve("pom.xml")).text("artifactId").orElseThrow())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(modules).containsAll(bomArtifacts());
    }

    @Test
    void noModuleSkipsPublishingAroundTheRule() {
        for (String module : root.modules()) {
            Pom pom = Pom.read(ROOT.resolve(module).resolve("pom.xml"));
            // a module with another parent (Spring Boot's) cannot inherit the derivation, so it repeats it
            boolean ownParent = pom.text("parent/artifactId").filter("rollback-parent"::equals).isPresent();
            for (String property : DERIVED) {
                if (ownParent) {
                    assertThat(pom.property(property)).as(module + " sets " + property + " itself; set " + SKIP
                            + " instead").isEmpty();
                } else {
                    assertThat(pom.property(property)).as(module + " has another parent: " + property
                            + " must be derived from " + SKIP + " as the root pom does, or unset")
                            .satisfiesAnyOf(value -> assertThat(value).isEmpty(),
                                    value -> assertThat(value).hasValue("${" + SKIP + "}"));
                }
            }
        }
    }

    @Test
    void theRootPomCarriesWhatCentralRequiresForEveryModuleToInherit() {
        assertThat(root.text("name")).isPresent();
        assertThat(root.text("description")).isPresent();
        assertThat(root.text("url")).hasValue("https://github.com/rollback-dev/rollback");
        assertThat(root.text("licenses/license/name")).hasValue("Apache-2.0");
        assertThat(root.text("developers/developer/name")).isPresent();
        assertThat(root.text("scm/connection")).hasValue("scm:git:https://github.com/rollback-dev/rollback.git");
        assertThat(root.text("scm/url")).hasValue("https://github.com/rollback-dev/rollback");
    }

    @Test
    void everyPublishedModuleKeepsItsOwnNameAndDescription() {
        for (String artifactId : bomArtifacts()) {
            Pom pom = Pom.read(ROOT.resolve(artifactId).resolve("pom.xml"));
            assertThat(pom.text("name")).as(artifactId + " <name>").isPresent();
            assertThat(pom.text("description")).as(artifactId + " <description>").isPresent()
                    .isNotEqualTo(root.text("description"));
        }
    }

    @Test
    void theAnnotationsBringNothingToAUsersClassPath() {
        List<Pom.Dependency> reaching = Pom.read(ROOT.resolve("rollback-annotations/pom.xml")).dependencies(false).stream()
                .filter(d -> !d.optional() && !Set.of("test", "provided").contains(d.scope()))
                .toList();

        assertThat(reaching).as("dependencies of rollback-annotations that a user would inherit").isEmpty();
    }

    @Test
    void everyPublicPackageOfAPublishedModuleIsNullMarked() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (String artifactId : bomArtifacts()) {
            Path sources = ROOT.resolve(artifactId).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                Set<Path> packages = files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent)
                        .collect(Collectors.toCollection(TreeSet::new));
                for (Path dir : packages) {
                    String name = sources.relativize(dir).toString().replace('/', '.');
                    Path info = dir.resolve("package-info.java");
                    boolean internal = name.endsWith(".internal") || name.contains(".internal.") || name.endsWith(".processing");
                    if (!internal && !(Files.isRegularFile(info) && Files.readString(info).contains("@NullMarked"))) {
                        unmarked.add(artifactId + ": " + name);
                    }
                }
            }
        }
        assertThat(unmarked).as("public packages without a package-info.java carrying @NullMarked (JSpecify; "
                + "mark what may be null with @Nullable)").isEmpty();
    }

    private static Set<String> bomArtifacts() {
        return Pom.read(ROOT.resolve("rollback-bom/pom.xml")).dependencies(true).stream()
                .map(Pom.Dependency::artifactId)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
