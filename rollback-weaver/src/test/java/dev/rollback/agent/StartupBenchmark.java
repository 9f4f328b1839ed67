package dev.rollback.agent;

import dev.rollback.annotation.Compensate;
import dev.rollback.internal.Weaving;
import org.aspectj.weaver.loadtime.Agent;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures JVM start-up with 3,000 generated classes, 300 of them annotated (600 advised
 * methods): without weaving, with this agent, and with AspectJ load-time weaving. Not a test: run
 * it with {@code rollback-weaver/startup-benchmark.sh}, on an otherwise idle machine.
 */
public final class StartupBenchmark {

    private static final int CLASSES = 3_000;
    /** Also reports CPU time (user + system, all threads), which a busy machine inflates far less than wall time. */
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final int ANNOTATED_EVERY = 10;

    private StartupBenchmark() {
    }

    /**
     * @param args the number of measured runs per mode (default 7), the agent jar, the plain weaver jar
     */
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Path agentJar = Path.of(args[1]);
        Path weaverJar = Path.of(args[2]);
        Path work = Path.of("target", "startup-benchmark");
        Path app = GeneratedApp.build(work, CLASSES, ANNOTATED_EVERY, classpath(ForkedJvm.jarOf(Compensate.class),
                ForkedJvm.jarOf(Weaving.class)));
        Path logging = ForkedJvm.jarOf(org.slf4j.simple.SimpleLogger.class);
        String engine = classpath(app, ForkedJvm.jarOf(Compensate.class), ForkedJvm.jarOf(Weaving.class),
                ForkedJvm.jarOf(org.slf4j.Logger.class), logging);
        Map<String, List<String>> modes = new LinkedHashMap<>();
        modes.put("no weaving", command(engine));
        modes.put("rollback agent", command(engine, "-javaagent:" + agentJar));
        List<String> ltwOptions = new ArrayList<>(List.of("-javaagent:" + ForkedJvm.jarOf(Agent.class)));
        String measured = javaVersion();
        if (Integer.parseInt(measured.split("[.+-]")[0]) >= 24) {
            // aspectjweaver calls sun.misc.Unsafe, which JDK 24+ warns about unless allowed
            ltwOptions.add("--sun-misc-unsafe-memory-access=allow");
        }
        modes.put("AspectJ LTW", command(classpath(app, weaverJar, ForkedJvm.jarOf(Compensate.class),
                 ForkedJvm.jarOf(Weaving.class), ForkedJvm.jarOf(org.slf4j.Logger.class), logging), ltwOptions.toArray(String[]::new)));
        Map<String, long[]> wall = new LinkedHashMap<>();
        Map<String, long[]> cpu = new LinkedHashMap<>();
        modes.keySet().forEach(mode -> {
            wall.put(mode, new long[runs]);
            cpu.put(mode, new long[runs]);
        });
        for (int run = -1; run < runs; run++) {
            for (Map.Entry<String, List<String>> mode : modes.entrySet()) {
                long[] elapsed = time(mode.getKey(), mode.getValue());
                if (run >= 0) {
                    wall.get(mode.getKey())[run] = elapsed[0];
                    cpu.get(mode.getKey())[run] = elapsed[1];
                }
            }
        }
        System.out.printf(Locale.ROOT, "JVM start-up, %d classes (%d annotated, %d advised methods), java %s, median of %d runs%n",
                CLASSES, CLASSES / ANNOTATED_EVERY, 2 * CLASSES / ANNOTATED_EVERY, measured, runs);
        report("wall-clock", wall);
        if (Files.isExecutable(TIME)) {
            report("CPU time (user + system)", cpu);
        }
    }

    /** @return the version of the JVM being measured, which need not be the one running this */
    private static String javaVersion() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ForkedJvm.JAVA, "-version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("version \"([^\"]+)\"").matcher(output);
        if (!version.find()) {
            throw new IllegalStateException("cannot tell the version of " + ForkedJvm.JAVA + " from: " + output);
        }
        return version.group(1);
    }

    private static List<String> command(String classpath, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            command.addAll(List.of(TIME.toString(), "-f", "cpu %U %S"));
        }
        command.add(ForkedJvm.JAVA);
        command.addAll(List.of(jvmOptions));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=off");
        command.addAll(List.of("-cp", classpath, "bench.Main"));
        return command;
    }

    /** @return wall-clock and CPU milliseconds */
    private static long[] time(String mode, List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        int exit = process.waitFor();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        long cpu = 0;
        int cpuLine = output.lastIndexOf("cpu ");
        if (Files.isExecutable(TIME) && cpuLine >= 0) {
            String[] seconds = output.substring(cpuLine + 4).strip().split(" ");
            cpu = Math.round((Double.parseDouble(seconds[0]) + Double.parseDouble(seconds[1])) * 1000);
            output = output.substring(0, cpuLine).strip();
        }
        String expected = "classes " + CLASSES + ", scoped " + (mode.equals("no weaving") ? 0 : CLASSES / ANNOTATED_EVERY);
        if (exit != 0 || !output.equals(expected)) {
            throw new IllegalStateException(mode + ": expected exit 0 and '" + expected + "', got exit " + exit + ":\n" + output);
        }
        return new long[] {elapsed, cpu};
    }

    private static void report(String what, Map<String, long[]> millis) {
        long baseline = median(millis.get("no weaving"));
        long agent = median(millis.get("rollback agent")) - baseline;
        long ltw = median(millis.get("AspectJ LTW")) - baseline;
        System.out.println(" " + what + ":");
        millis.forEach((mode, times) -> {
            long median = median(times);
            System.out.printf(Locale.ROOT, "  %-15s %5d ms  (%.2fx, +%d ms)  runs %s%n", mode, median,
                    (double) median / baseline, median - baseline, Arrays.toString(times));
        });
        System.out.printf(Locale.ROOT, "  agent's added start-up / LTW's added start-up = %.2f%n", (double) agent / ltw);
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String classpath(Path... entries) {
        return String.join(File.pathSeparator, Arrays.stream(entries).map(Path::toString).toList());
    }

    /** Writes and compiles the benchmark's application, once: its jar is reused by later runs. */
    static final class GeneratedApp {

        private GeneratedApp() {
        }

        static Path build(Path work, int classes, int annotatedEvery, String classpath) throws IOException {
            Path jar = work.resolve("app-" + classes + ".jar");
            if (Files.exists(jar)) {
                return jar;
            }
            Path sources = work.resolve("src/bench");
            Files.createDirectories(sources);
            List<String> files = new ArrayList<>();
            for (int i = 0; i < classes; i++) {
                Path file = sources.resolve(String.format(Locale.ROOT, "C%04d.java", i));
                Files.writeString(file, source(i, i % annotatedEvery == 0));
                files.add(file.toString());
            }
            Path main = sources.resolve("Main.java");
            Files.writeString(main, main(classes));
            files.add(main.toString());
            Path classesDir = work.resolve("classes");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-cp", classpath, "-d",
                    classesDir.toString()));
            arguments.addAll(files);
            if (javac.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("the generated benchmark app did not compile");
            }
            Process jarTool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jar").toString(),
                    "cf", jar.toString(), "-C", classesDir.toString(), ".").inheritIO().start();
            try {
                if (jarTool.waitFor() != 0) {
                    throw new IllegalStateException("jar failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while packing the benchmark app", e);
            }
            return jar;
        }

        private static String source(int index, boolean annotated) {
            String name = String.format(Locale.ROOT, "C%04d", index);
            String run = annotated
                    ? "    @dev.rollback.annotation.WithRollback\n    public void run() { acquire(1); count(); }\n"
                    + "    @dev.rollback.annotation.Compensate(\"undo\")\n    int acquire(int n) { state += n; return state; }\n"
                    + "    void undo(int result) { state -= result; }\n"
                    : "    public void run() { state++; }\n";
            StringBuilder filler = new StringBuilder();
            for (int m = 0; m < 5; m++) {
                filler.append("    public String f").append(m).append("(String s, int n) {\n")
                        .append("        StringBuilder b = new StringBuilder(s);\n")
                        .append("        for (int i = 0; i < n; i++) { b.append(i % 3 == 0 ? \"x\" : s.substring(0, 1)); }\n")
                        .append("        return b.length() > 10 ? b.reverse().toString() : b.toString() + state;\n    }\n");
            }
            return "package bench;\n\npublic class " + name + " implements Runnable {\n    private int state;\n" + run
                    + "    private void count() { if (dev.rollback.Rollback.current().isPresent()) { Main.SCOPED.incrementAndGet(); } }\n"
                    + filler + "}\n";
        }

        private static String main(int classes) {
            return "package bench;\n\npublic final class Main {\n"
                    + "    public static final java.util.concurrent.atomic.AtomicInteger SCOPED = new java.util.concurrent.atomic.AtomicInteger();\n"
                    + "    public static void main(String[] args) throws Exception {\n"
                    + "        for (int i = 0; i < " + classes + "; i++) {\n"
                    + "            ((Runnable) Class.forName(String.format(\"bench.C%04d\", i)).getConstructor().newInstance()).run();\n"
                    + "        }\n"
                    + "        System.out.println(\"classes " + classes + ", scoped \" + SCOPED.get());\n    }\n}\n";
        }
    }
}
