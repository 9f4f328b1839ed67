package dev.rollback.annotation.processing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("D4 at compile time: @Compensate values a durable scope of the same class could never journal")
class DurableCheckTest {

    private static final String ACCEPTED = "; accepted: null, primitives and their boxes, String, enums,"
            + " java.nio.file.Path, java.net.URI, java.util.UUID, java.time.Instant, java.time.Duration, ProcessHandle,"
            + " records of these, arrays of these, and List<T> and Map<K, V> of these (with T, K and V written out)";

    static final String DURABLE = """
            package p;

            import dev.rollback.annotation.Compensate;
            import dev.rollback.annotation.WithRollback;
            import java.io.File;
            import java.nio.file.Path;
            import java.time.Instant;
            import java.util.List;
            import java.util.Map;
            import java.util.UUID;

            public class Durable {
                public record Lease(String holder, Instant until, List<Path> paths) { }
                public record Node(String name, Node next) { }
                public enum Kind { A, B }

                @WithRollback(durable = true)
                public void orchestrate() { }

                @Compensate("undo")
                public Lease fine(int n, long[] ids, Map<String, List<UUID>> owners, Kind kind, ProcessHandle worker) {
                    return null;
                }
                private void undo(Lease lease) { }

                @Compensate("undoFile")
                public void withFile(String name, File file) { }
                private void undoFile(String name, File file) { }

                @Compensate("undoRaw")
                public List rawList() { return null; }
                private void undoRaw(List list) { }

                @Compensate("undoNode")
                public void node(Node node) { }
                private void undoNode(Node node) { }

                @Compensate("undoObjects")
                public Object objects(List<Object> values) { return null; }
                private void undoObjects(List<Object> values) { }
            }
            """;

    static final String NOT_DURABLE = """
            package p;

            import dev.rollback.annotation.Compensate;
            import dev.rollback.annotation.WithRollback;
            import java.io.File;

            public class NotDurable {
                @WithRollback
                public void orchestrate() { }

                @Compensate("undoFile")
                public void withFile(File file) { }
                private void undoFile(File file) { }
            }
            """;

    static final String DURABLE_CLASS = """
            package p;

            import dev.rollback.annotation.Compensate;
            import dev.rollback.annotation.WithRollback;
            import java.util.Optional;

            @WithRollback(durable = true)
            public class DurableClass {
                public void orchestrate() { }

                @Compensate("undo")
                Optional<String> maybe() { return Optional.empty(); }
                private void undo() { }

                @SuppressWarnings("rollback")
                @Compensate("undo")
                Optional<String> silenced() { return Optional.empty(); }
            }
            """;

    @TempDir
    Path output;

    @Test
    void warnsOfEachParameterAndResultThatADurableScopeOfTheSameClassCouldNeverJournal() {
        Compilation compilation = Compilation.of(output, List.of(DURABLE), Compilation.explicitProcessor());

        String scope = " cannot be called in a durable scope, such as the one p.Durable.orchestrate() opens: ";
        assertThat(compilation.succeeded()).isTrue();
        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.diagnostics()).containsExactlyInAnyOrder(
                warning(DURABLE, "void withFile(", "p.Durable.withFile(java.lang.String, java.io.File)" + scope
                        + "its parameter 1 'file' of type java.io.File cannot be journaled: java.io.File is not a kind"
                        + " the journal can hold" + ACCEPTED),
                warning(DURABLE, "List rawList(", "p.Durable.rawList()" + scope + "its return type java.util.List cannot"
                        + " be journaled: the raw type java.util.List does not say what its elements are" + ACCEPTED),
                warning(DURABLE, "void node(", "p.Durable.node(p.Durable$Node)" + scope + "its parameter 0 'node' of"
                        + " type p.Durable.Node cannot be journaled: its record p.Durable$Node has the component 'next' of"
                        + " type p.Durable.Node: the record p.Durable$Node contains itself" + ACCEPTED),
                warning(DURABLE, "Object objects(", "p.Durable.objects(java.util.List)" + scope + "its parameter 0"
                        + " 'values' of type java.util.List<java.lang.Object> cannot be journaled: java.lang.Object is"
                        + " not a kind the journal can hold" + ACCEPTED),
                warning(DURABLE, "Object objects(", "p.Durable.objects(java.util.List)" + scope + "its return type"
                        + " java.lang.Object cannot be journaled: java.lang.Object is not a kind the journal can hold"
                        + ACCEPTED));
    }

    @Test
    void saysNothingOfAClassThatOpensNoDurableScope() {
        Compilation compilation = Compilation.of(output, List.of(NOT_DURABLE), Compilation.explicitProcessor());

        assertThat(compilation.diagnostics()).isEmpty();
        assertThat(compilation.succeeded()).isTrue();
    }

    @Test
    void warnsForAClassWhoseOwnAnnotationIsDurableUnlessTheMethodSuppressesRollback() {
        Compilation compilation = Compilation.of(output, List.of(DURABLE_CLASS), Compilation.explicitProcessor());

        assertThat(compilation.diagnostics()).containsExactly(warning(DURABLE_CLASS, "Optional<String> maybe(",
                "p.DurableClass.maybe() cannot be called in a durable scope, such as the ones the public methods of"
                        + " p.DurableClass open: its return type java.util.Optional<java.lang.String> cannot be journaled:"
                        + " java.util.Optional<java.lang.String> is not a kind the journal can hold" + ACCEPTED));
    }

    private static Compilation.Reported warning(String source, String methodLine, String message) {
        String name = source.replaceFirst("(?s).*?(?:class|interface) (\\w+).*", "$1");
        return new Compilation.Reported(Diagnostic.Kind.WARNING, "/p/" + name + ".java",
                Compilation.lineOf(source, "", methodLine), message);
    }
}
