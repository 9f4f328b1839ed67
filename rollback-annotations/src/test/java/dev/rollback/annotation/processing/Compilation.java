package dev.rollback.annotation.processing;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Compiles real sources with the system javac, on this test's class path (where the processor's
 * service file is), and keeps what javac reported.
 */
final class Compilation {

    /** One diagnostic, reduced to what the tests assert. */
    record Reported(Diagnostic.Kind kind, String source, long line, String message) {
        @Override
        public String toString() {
            return kind + " " + source + ":" + line + ": " + message;
        }
    }

    private final boolean succeeded;
    private final List<Reported> diagnostics;

    private Compilation(boolean succeeded, List<Reported> diagnostics) {
        this.succeeded = succeeded;
        this.diagnostics = diagnostics;
    }

    /**
     * @param output  where the classes go
     * @param sources Java sources; each one's file name is taken from its first public type
     * @param options javac options, added to the class path
     * @return what javac did
     */
    static Compilation of(Path output, List<String> sources, String... options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        List<String> arguments = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"),
                "-d", output.toString()));
        arguments.addAll(List.of(options));
        List<JavaFileObject> units = sources.stream().map(Compilation::source).collect(Collectors.toList());
        try (StandardJavaFileManager files = javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean succeeded = javac.getTask(null, files, collector, arguments, null, units).call();
            List<Reported> reported = collector.getDiagnostics().stream()
                    .map(d -> new Reported(d.getKind(), d.getSource() == null ? "" : d.getSource().getName(),
                            d.getLineNumber(), d.getMessage(Locale.ROOT)))
                    .collect(Collectors.toList());
            return new Compilation(succeeded, reported);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the processor's own options, so that a test does not depend on service discovery */
    static String[] explicitProcessor(String... more) {
        List<String> options = new ArrayList<>(List.of("-processor",
                CompensateProcessor.class.getName() + "," + WithRollbackProcessor.class.getName()));
        options.addAll(List.of(more));
        return options.toArray(String[]::new);
    }

    boolean succeeded() {
        return succeeded;
    }

    List<Reported> diagnostics() {
        return diagnostics;
    }

    List<Reported> errors() {
        return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).collect(Collectors.toList());
    }

    private static JavaFileObject source(String text) {
        String type = text.replaceFirst("(?s).*?public\\s+(?:(?:abstract|final)\\s+)*(?:class|interface|enum|record)\\s+(\\w+).*", "$1");
        String pkg = text.replaceFirst("(?s)^\\s*package\\s+([\\w.]+);.*", "$1");
        String path = (pkg.equals(text) ? "" : pkg.replace('.', '/') + "/") + type + ".java";
        return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    /** @return the 1-based line of the first line containing {@code marker} after the first containing {@code after} */
    static long lineOf(String text, String after, String marker) {
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length && !lines[i].contains(after)) {
            i++;
        }
        while (i < lines.length && !lines[i].contains(marker)) {
            i++;
        }
        if (i == lines.length) {
            throw new IllegalArgumentException("no line containing '" + marker + "' after '" + after + "'");
        }
        return i + 1L;
    }
}
