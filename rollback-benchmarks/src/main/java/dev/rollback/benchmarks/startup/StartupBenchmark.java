package dev.rollback.benchmarks.startup;

import dev.rollback.annotation.Compensate;
import dev.rollback.aspectj.WithRollbackAspect;
import dev.rollback.internal.Weaving;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * JVM start-up of a generated application of 3,000 classes (300 annotated, 600 advised methods):
 * compiled by javac and started plainly ({@code none}), with the Rollback agent ({@code agent}),
 * with AspectJ load-time weaving ({@code ltw}); and compiled by ajc ({@code ajc}). The modes take
 * turns, after one discarded round, and each prints its median wall-clock time over that of
 * {@code none} as {@code STARTUP <mode>/none <ratio>}.
 *
 * <pre>
 * StartupBenchmark RUNS AGENT_JAR WORK_DIR
 * </pre>
 */
public final class StartupBenchmark {

    private static final int CLASSES = 3_000;
    private static final int ANNOTATED_EVERY = 10;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private StartupBenchmark() {
    }

    /**
     * @param args the measured runs per mode (at least 5), the agent jar, a work directory
     * @throws Exception when building or starting the application fails
     */
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        if (runs < 5) {
            throw new IllegalArgumentException("runs " + runs + "; accepted: 5 or more, for a median");
        }
        Path agentJar = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalArgumentException("no agent jar at " + agentJar);
        }
        Path annotations = jarOf(Compensate.class);
        Path core = jarOf(Weaving.class);
        Path weaver = jarOf(WithRollbackAspect.class);
        Path aspectjWeaver = jarOf(org.aspectj.weaver.loadtime.Agent.class);
        String logging = classpath(jarOf(org.slf4j.Logger.class), jarOf(org.slf4j.nop.NOPServiceProvider.class));
        List<Path> sources = GeneratedApp.write(work.resolve("src"), CLASSES, ANNOTATED_EVERY);
        String library = classpath(annotations, core);
        Path javacClasses = compile(work.resolve("javac"), List.of(JAVA.replaceAll("java$", "javac"), "--release", "17",
                "-proc:none", "-nowarn", "-cp", library), sources);
        Path ajcClasses = compile(work.resolve("ajc"), List.of(JAVA, "-cp", classpath(jarOf(org.aspectj.tools.ajc.Main.class)),
                "org.aspectj.tools.ajc.Main", "-17", "-nowarn", "-cp", classpath(annotations, core, weaver, aspectjWeaver),
                "-aspectpath", weaver.toString()), sources);

        Map<String, List<String>> modes = new LinkedHashMap<>();
        modes.put("none", command(classpath(javacClasses) + File.pathSeparator + library + File.pathSeparator + logging));
        modes.put("agent", command(classpath(javacClasses) + File.pathSeparator + library + File.pathSeparator + logging,
                "-javaagent:" + agentJar));
        modes.put("ltw", command(classpath(javacClasses, weaver, aspectjWeaver) + File.pathSeparator + library
                + File.pathSeparator + logging, "-javaagent:" + aspectjWeaver));
        modes.put("ajc", command(classpath(ajcClasses, weaver, jarOf(org.aspectj.lang.JoinPoint.class))
                + File.pathSeparator + library + File.pathSeparator + logging));
        report(measure(modes, runs), runs);
    }

    private static Map<String, long[]> measure(Map<String, List<String>> modes, int runs)
            throws IOException, InterruptedException {
        Map<String, long[]> millis = new LinkedHashMap<>();
        modes.keySet().forEach(mode -> millis.put(mode, new long[runs]));
        for (int run = -1; run < runs; run++) {
            for (Map.Entry<String, List<String>> mode : modes.entrySet()) {
                long elapsed = time(mode.getKey(), mode.getValue());
                if (run >= 0) {
                    millis.get(mode.getKey())[run] = elapsed;
                }
            }
        }
        return millis;
    }

    private static void report(Map<String, long[]> millis, int runs) {
        long none = median(millis.get("none"));
        System.out.printf(Locale.ROOT, "JVM start-up: %d classes, %d annotated (%d advised methods), java %s,"
                + " median of %d runs (ms):%n", CLASSES, CLASSES / ANNOTATED_EVERY, 2 * CLASSES / ANNOTATED_EVERY,
                System.getProperty("java.version"), runs);
        millis.forEach((mode, times) -> System.out.printf(Locale.ROOT, "  %-5s %5d ms (+%d ms)  runs %s%n", mode,
                median(times), median(times) - none, Arrays.toString(times)));
        for (String mode : List.of("agent", "ltw", "ajc")) {
            System.out.printf(Locale.ROOT, "STARTUP %s/none %.2f%n", mode, (double) median(millis.get(mode)) / none);
        }
        long agentAdded = median(millis.get("agent")) - none;
        long ltwAdded = median(millis.get("ltw")) - none;
        System.out.printf(Locale.ROOT, "  agent's added start-up / LTW's added start-up: %d / %d ms = %.2f%n",
                agentAdded, ltwAdded, (double) agentAdded / ltwAdded);
    }

    private static Path compile(Path output, List<String> compiler, List<Path> sources)
            throws IOException, InterruptedException {
        if (Files.isRegularFile(output.resolve(GeneratedApp.PACKAGE).resolve("Main.class"))) {
            return output;
        }
        Files.createDirectories(output);
        Path argumentFile = output.resolveSibling(output.getFileName() + ".sources");
        Files.write(argumentFile, sources.stream().map(Path::toString).toList());
        List<String> command = new ArrayList<>(compiler);
        command.addAll(List.of("-d", output.toString(), "@" + argumentFile));
        if (command.contains("org.aspectj.tools.ajc.Main")) {
            command.set(command.size() - 1, "-argfile");
            command.add(argumentFile.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("compiling the generated application failed: " + command.get(0)
                    + " ... \n" + log);
        }
        return output;
    }

    private static List<String> command(String classpath, String... jvmOptions) {
        return Stream.of(Stream.of(JAVA), Arrays.stream(jvmOptions), Stream.of("-cp", classpath, GeneratedApp.PACKAGE + ".Main"))
                .flatMap(s -> s).toList();
    }

    private static long time(String mode, List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        String expected = GeneratedApp.expectedOutput(CLASSES, mode.equals("none") ? 0 : CLASSES / ANNOTATED_EVERY);
        if (exit != 0 || !output.strip().equals(expected)) {
            throw new IllegalStateException(mode + ": expected exit 0 and '" + expected + "', got exit " + exit
                    + ":\n" + output);
        }
        return elapsed;
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
        }
    }

    private static String classpath(Path... entries) {
        return String.join(File.pathSeparator, Arrays.stream(entries).map(Path::toString).toList());
    }
}
