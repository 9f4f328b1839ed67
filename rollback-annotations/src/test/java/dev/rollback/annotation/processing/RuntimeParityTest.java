package dev.rollback.annotation.processing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour suite's misconfigured fixtures, compiled with the processor: each gets, on its
 * annotated method, the very message that {@code MisconfigurationTest} asserts at run time.
 */
@DisplayName("Compile-time checks say what the runtime says, on the behaviour suite's own misconfigured fixtures")
class RuntimeParityTest {

    private static final Path FIXTURES = Path.of("../rollback-behaviour/src/test/java/dev/rollback/behaviour/fixtures/Misconfigured.java");
    private static final String F = "dev.rollback.behaviour.fixtures.Misconfigured$";
    private static final String HANDLER = "dev.rollback.annotation.CompensationHandler";

    @Test
    void reportsEveryMisconfigurationWithTheRuntimeMessageOnItsMethod(@TempDir Path output) throws IOException {
        String source = withoutOptOut(Files.readString(FIXTURES));

        Compilation compilation = Compilation.of(output, List.of(source), Compilation.explicitProcessor());

        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.diagnostics()).containsExactlyInAnyOrder(
                error(source, "MissingMethod", "@Compensate(\"remove\") on " + F + "MissingMethod.create(java.lang.String):"
                        + " its class declares no method named remove. Accepted: one of remove(java.lang.String,"
                        + " java.lang.String), remove(java.lang.String), remove(), declared in the same class, any"
                        + " visibility, not static; the first that fits wins"),
                error(source, "NoFittingSignature", "@Compensate(\"remove\") on " + F + "NoFittingSignature.create("
                        + "java.lang.String): no method named remove fits; found: remove(int, java.lang.Object,"
                        + " java.lang.Object), remove(long). Accepted: one of remove(int, java.lang.String), remove(int),"
                        + " remove(java.lang.String), remove(), declared in the same class, any visibility, not static;"
                        + " the first that fits wins"),
                error(source, "Ambiguous", "@Compensate(\"remove\") on " + F + "Ambiguous.create(java.lang.String): 2"
                        + " methods fit equally as (arguments): remove(java.lang.CharSequence), remove(java.lang.Object)."
                        + " Accepted: only one of remove(java.lang.String), remove(), declared in the same class, any"
                        + " visibility, not static; the first that fits wins"),
                error(source, "BothValueAndHandler", "@Compensate(value = \"remove\", handler = " + F + "NoOpHandler.class)"
                        + " on " + F + "BothValueAndHandler.create(java.lang.String): both value and handler are given."
                        + " Accepted: exactly one of value = one of remove(java.lang.String, java.lang.String),"
                        + " remove(java.lang.String), remove(), declared in the same class, any visibility, not static;"
                        + " the first that fits wins; or handler = a class implementing " + HANDLER
                        + "<java.lang.String> with a public no-arg constructor"),
                error(source, "NeitherValueNorHandler", "@Compensate on " + F + "NeitherValueNorHandler.create("
                        + "java.lang.String): neither value nor handler is given. Accepted: exactly one of value = one of"
                        + " <name>(java.lang.String, java.lang.String), <name>(java.lang.String), <name>(), declared in"
                        + " the same class, any visibility, not static; the first that fits wins; or handler = a class"
                        + " implementing " + HANDLER + "<java.lang.String> with a public no-arg constructor"),
                error(source, "StaticMismatch", "@Compensate(\"remove\") on " + F + "StaticMismatch.create(java.lang.String):"
                        + " no method named remove fits; found: remove(java.lang.String) (not static). Accepted: one of"
                        + " remove(java.lang.String), remove(), declared in the same class, any visibility, static; the"
                        + " first that fits wins"),
                error(source, "HandlerWithoutNoArgConstructor", "@Compensate(handler = " + F + "NeedsArgument.class) on "
                        + F + "HandlerWithoutNoArgConstructor.create(java.lang.String): " + F + "NeedsArgument has no"
                        + " public no-arg constructor. Accepted: handler = a class implementing " + HANDLER
                        + "<java.lang.String> with a public no-arg constructor"),
                error(source, "HandlerOfWrongType", "@Compensate(handler = " + F + "NoOpHandler.class) on " + F
                        + "HandlerOfWrongType.create(java.lang.String): " + F + "NoOpHandler handles java.lang.String,"
                        + " which cannot take the int that create returns. Accepted: handler = a class implementing "
                        + HANDLER + "<java.lang.Integer> with a public no-arg constructor"),
                error(source, "NegativeTimeout", "@Compensate(\"remove\") on " + F + "NegativeTimeout.create("
                        + "java.lang.String): timeoutMillis is -5. Accepted: 0 (no limit) or more"),
                error(source, "NegativeRetries", "@Compensate(\"remove\") on " + F + "NegativeRetries.create("
                        + "java.lang.String): retries is -1. Accepted: 0 or more"),
                error(source, "NoPrimitiveWidening", "@Compensate(\"remove\") on " + F + "NoPrimitiveWidening.create():"
                        + " no method named remove fits; found: remove(long). Accepted: one of remove(int), remove(),"
                        + " declared in the same class, any visibility, not static; the first that fits wins"));
    }

    @Test
    void theFixturesCompileAsTheySitInTheSuiteBecauseTheyOptOut(@TempDir Path output) throws IOException {
        Compilation compilation = Compilation.of(output, List.of(Files.readString(FIXTURES)), Compilation.explicitProcessor());

        assertThat(compilation.diagnostics()).isEmpty();
        assertThat(compilation.succeeded()).isTrue();
    }

    private static String withoutOptOut(String source) {
        String optOut = "@SuppressWarnings(\"rollback\")";
        assertThat(source).as("the fixtures' opt-out").contains(optOut);
        return source.replace(optOut, "");
    }

    private static Compilation.Reported error(String source, String fixture, String message) {
        return new Compilation.Reported(Diagnostic.Kind.ERROR, "/dev/rollback/behaviour/fixtures/Misconfigured.java",
                Compilation.lineOf(source, "class " + fixture + " ", " create("), message);
    }
}
