package dev.rollback.behaviour.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Maven on a project of a test's own, on the JDK the test runs on, with no network: this
 * reactor's artifacts come from a local repository the test lays out, everything else from the outer
 * build's local repository, which the nested build sees as a (file) mirror of every repository.
 */
final class NestedMaven {

    private static final long TIMEOUT_MINUTES = 10;
    private static final List<String> JARS = List.of("rollback-annotations", "rollback-core", "rollback-weaver");

    /** What a nested build printed, and how it ended. */
    record Run(int exitCode, String output) {
    }

    private NestedMaven() {
    }

    /**
     * Lays out a local repository holding this reactor's parent pom, its flattened BOM, and the jars
     * and poms of the modules a user of {@code rollback-weaver} needs, as {@code mvn install} would.
     */
    static Path repositoryOfThisReactor(Path root, Path repository, String version) throws IOException {
        install(repository, "rollback-parent", version, "pom", root.resolve("pom.xml"));
        Path bom = Path.of(property("rollback.it.bom"));
        assertThat(Files.readString(bom)).as("the BOM the reactor publishes (" + bom + ") is flattened: no parent")
                .doesNotContain("<parent>");
        install(repository, "rollback-bom", version, "pom", bom);
        for (String module : JARS) {
            install(repository, module, version, "pom", root.resolve(module).resolve("pom.xml"));
            install(repository, module, version, "jar", Path.of(property("rollback.it.jar." + module)));
        }
        return repository;
    }

    static Run run(Path project, Path repository, Path settings, List<String> goals) throws IOException, InterruptedException {
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>outer-build-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(property("rollback.it.localRepository")).toUri()));
        Path log = project.resolveSibling(project.getFileName() + "-maven.log");
        Process maven = command(project, repository, settings, goals).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!maven.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new AssertionError("the nested Maven build did not end within " + TIMEOUT_MINUTES
                        + " minutes; its output so far:\n" + Files.readString(log));
            }
        } finally {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly().waitFor();
        }
        return new Run(maven.exitValue(), Files.readString(log));
    }

    private static ProcessBuilder command(Path project, Path repository, Path settings, List<String> goals) {
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> command = new ArrayList<>(List.of(Path.of(property("rollback.it.mavenHome"), "bin", "mvn").toString(),
                "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + repository));
        command.addAll(goals);
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        Map<String, String> environment = builder.environment();
        // the outer build's MAVEN_OPTS names its own local repository, which this build must not write to
        environment.remove("MAVEN_OPTS");
        environment.remove("MAVEN_ARGS");
        environment.put("JAVA_HOME", javaHome.toString());
        environment.put("PATH", javaHome.resolve("bin") + java.io.File.pathSeparator + environment.getOrDefault("PATH", ""));
        return builder;
    }

    private static void install(Path repository, String artifactId, String version, String extension, Path file)
            throws IOException {
        assertThat(file).as(artifactId + " " + extension + " built by this reactor").isRegularFile();
        Path directory = repository.resolve("dev/rollback").resolve(artifactId).resolve(version);
        Files.createDirectories(directory);
        Files.copy(file, directory.resolve(artifactId + "-" + version + "." + extension), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property " + name + ", which the module's failsafe configuration sets").isNotBlank();
        return value;
    }
}
