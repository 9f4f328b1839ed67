package dev.rollback.behaviour.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A user's project as README's Maven section describes it: a pom made of the README's BOM import,
 * dependency and weaving snippet, an orchestrator whose {@code @Compensate} step creates a directory,
 * and a JUnit test that fails unless a failed orchestration removes it.
 */
final class BomRouteProject {

    private BomRouteProject() {
    }

    static Path write(Path dir, ReadmeBomRouteIT.Readme readme, Pom reactor) throws IOException {
        Files.createDirectories(dir.resolve("src/main/java/com/acme"));
        Files.createDirectories(dir.resolve("src/test/java/com/acme"));
        Files.writeString(dir.resolve("pom.xml"), pom(readme, reactor));
        Files.writeString(dir.resolve("src/main/java/com/acme/Workspaces.java"), WORKSPACES);
        Files.writeString(dir.resolve("src/main/java/com/acme/Provisioning.java"), PROVISIONING);
        Files.writeString(dir.resolve("src/test/java/com/acme/ProvisioningTest.java"), TEST);
        return dir;
    }

    private static String pom(ReadmeBomRouteIT.Readme readme, Pom reactor) {
        String junit = """
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>%s</version>
                      <scope>test</scope>
                    </dependency>
                </dependencies>""".formatted(reactor.property("junit.version").orElseThrow());
        String section = readme.bomAndDependency();
        int last = section.lastIndexOf("</dependencies>");
        String dependencies = section.substring(0, last) + junit.strip() + section.substring(last + "</dependencies>".length());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId>
                  <artifactId>bom-route</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                %s
                  <build>
                    <pluginManagement>
                      <!-- only so that this build, which has no network, uses plugins the outer build already has -->
                      <plugins>
                %s
                      </plugins>
                    </pluginManagement>
                    <plugins>
                %s
                    </plugins>
                  </build>
                </project>
                """.formatted(dependencies, pinned(reactor), readme.weavingSnippet());
    }

    private static String pinned(Pom reactor) {
        StringBuilder plugins = new StringBuilder();
        for (String plugin : new String[] {"maven-resources-plugin", "maven-compiler-plugin", "maven-surefire-plugin"}) {
            plugins.append("<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>").append(plugin)
                    .append("</artifactId><version>").append(reactor.managedPluginVersion(plugin).orElseThrow())
                    .append("</version></plugin>\n");
        }
        return plugins.toString();
    }

    private static final String WORKSPACES = """
            package com.acme;

            import dev.rollback.Compensations;
            import dev.rollback.annotation.Compensate;

            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public class Workspaces {
                private final Path root;

                public Workspaces(Path root) {
                    this.root = root;
                }

                @Compensate("remove")
                public Path create(String name) throws IOException {
                    return Files.createDirectory(root.resolve(name));
                }

                private void remove(Path dir, String name) throws IOException {
                    Compensations.deleteTree(dir, root);
                }
            }
            """;

    private static final String PROVISIONING = """
            package com.acme;

            import dev.rollback.annotation.WithRollback;

            import java.io.IOException;
            import java.nio.file.Path;

            public class Provisioning {
                private final Workspaces workspaces;

                public Provisioning(Workspaces workspaces) {
                    this.workspaces = workspaces;
                }

                @WithRollback("provision")
                public Path provision(String name, boolean failAfterTheWorkspace) throws IOException {
                    Path dir = workspaces.create(name);
                    if (failAfterTheWorkspace) {
                        throw new IOException("quota exceeded");
                    }
                    return dir;
                }
            }
            """;

    private static final String TEST = """
            package com.acme;

            import org.junit.jupiter.api.Test;
            import org.junit.jupiter.api.io.TempDir;

            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import static org.junit.jupiter.api.Assertions.assertFalse;
            import static org.junit.jupiter.api.Assertions.assertThrows;
            import static org.junit.jupiter.api.Assertions.assertTrue;

            class ProvisioningTest {
                @TempDir
                Path root;

                @Test
                void keepsTheWorkspaceWhenProvisioningSucceeds() throws IOException {
                    Path dir = new Provisioning(new Workspaces(root)).provision("agent-1", false);
                    assertTrue(Files.isDirectory(dir));
                }

                @Test
                void removesTheWorkspaceWhenProvisioningFails() {
                    Provisioning provisioning = new Provisioning(new Workspaces(root));
                    IOException thrown = assertThrows(IOException.class, () -> provisioning.provision("agent-2", true));
                    assertEquals("quota exceeded", thrown.getMessage());
                    assertFalse(Files.exists(root.resolve("agent-2")), "the compensation should have removed agent-2");
                }
            }
            """;
}
