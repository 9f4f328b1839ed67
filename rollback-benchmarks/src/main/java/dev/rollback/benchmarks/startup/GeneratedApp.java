package dev.rollback.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the start-up benchmark's application: {@code classes} classes with a few ordinary methods
 * each; every {@code annotatedEvery}-th one also has a {@code @WithRollback} method that calls a
 * {@code @Compensate} method. Its {@code Main} loads and runs every class, then prints how many ran
 * inside a scope, so that each way of weaving can be checked to have advised them all.
 */
final class GeneratedApp {

    static final String PACKAGE = "startup";

    private GeneratedApp() {
    }

    /** @return the source files written */
    static List<Path> write(Path sources, int classes, int annotatedEvery) throws IOException {
        Path dir = sources.resolve(PACKAGE);
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            Path file = dir.resolve(name(i) + ".java");
            Files.writeString(file, source(i, i % annotatedEvery == 0));
            files.add(file);
        }
        Path main = dir.resolve("Main.java");
        Files.writeString(main, main(classes));
        files.add(main);
        return files;
    }

    static String expectedOutput(int classes, int scoped) {
        return "classes " + classes + ", scoped " + scoped;
    }

    private static String name(int index) {
        return String.format(Locale.ROOT, "C%04d", index);
    }

    private static String source(int index, boolean annotated) {
        String run = annotated
                ? """
                    @dev.rollback.annotation.WithRollback
                    public void run() { acquire(1); if (dev.rollback.Rollback.current().isPresent()) { Main.SCOPED++; } }
                    @dev.rollback.annotation.Compensate("release")
                    int acquire(int n) { state += n; return state; }
                    void release(int result) { state -= result; }
                """
                : "    public void run() { state++; }\n";
        StringBuilder filler = new StringBuilder();
        for (int m = 0; m < 5; m++) {
            filler.append("    public String f").append(m).append("(String s, int n) {\n")
                    .append("        StringBuilder b = new StringBuilder(s);\n")
                    .append("        for (int i = 0; i < n; i++) { b.append(i % 3 == 0 ? \"x\" : s.substring(0, 1)); }\n")
                    .append("        return b.length() > 10 ? b.reverse().toString() : b.toString() + state;\n    }\n");
        }
        return "package " + PACKAGE + ";\n\npublic class " + name(index) + " implements Runnable {\n"
                + "    private int state;\n" + run + filler + "}\n";
    }

    private static String main(int classes) {
        return "package " + PACKAGE + ";\n\npublic final class Main {\n"
                + "    static int SCOPED;\n"
                + "    public static void main(String[] args) throws Exception {\n"
                + "        for (int i = 0; i < " + classes + "; i++) {\n"
                + "            ((Runnable) Class.forName(String.format(\"" + PACKAGE + ".C%04d\", i))"
                + ".getConstructor().newInstance()).run();\n"
                + "        }\n"
                + "        System.out.println(\"classes " + classes + ", scoped \" + SCOPED);\n    }\n}\n";
    }
}
