package dev.rollback.examples;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code demo --agent}: the same orchestrator, compiled by plain javac into a jar of its own and
 * never woven, run in a child JVM under the Rollback java agent. The build lays the pieces out
 * beside the executable jar: {@code rollback-examples-plain.jar} and {@code agent-mode/}.
 */
final class AgentMode {

    private AgentMode() {
    }

    /** @return how this JVM's classes got their advice: "ajc" when AspectJ wove them, "java agent" otherwise */
    static String weaving() {
        for (java.lang.reflect.Field field : AgentFactory.class.getDeclaredFields()) {
            if (field.getName().startsWith("ajc$")) {
                return "AspectJ, at compile time";
            }
        }
        return "the Rollback java agent (classes compiled by plain javac, never woven)";
    }

    /**
     * Runs {@code demo} with the given arguments in a child JVM under the agent.
     *
     * @return the child's exit code
     */
    static int run(Path root, List<String> demoArguments) throws IOException, InterruptedException {
        Path home = home();
        Path plainJar = home.resolve("rollback-examples-plain.jar");
        Path agentJar = home.resolve("agent-mode").resolve("rollback-weaver-agent.jar");
        Path libraries = home.resolve("agent-mode").resolve("lib");
        for (Path needed : List.of(plainJar, agentJar, libraries)) {
            if (!Files.exists(needed)) {
                throw new Environment.UsageError("demo --agent needs " + needed + ", which the build puts beside "
                        + home.resolve("rollback-examples.jar") + "; accepted: run it from a build made with 'mvn package'");
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar, "-cp", plainJar + java.io.File.pathSeparator + libraries.resolve("*"),
                RollbackDemo.class.getName(), "--root", root.toString(), "demo"));
        command.addAll(demoArguments);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static Path home() {
        try {
            Path location = Path.of(AgentMode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(location) ? location.getParent() : location.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where rollback-examples.jar is: " + e.getMessage(), e);
        }
    }
}
