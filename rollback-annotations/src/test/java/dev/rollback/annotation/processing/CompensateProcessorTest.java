package dev.rollback.annotation.processing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The processor: misconfigurations the runtime cannot see, near-miss names, and clean classes left alone")
class CompensateProcessorTest {

    private static final String HANDLER = "dev.rollback.annotation.CompensationHandler";

    @TempDir
    Path output;

    @Test
    void compilesACorrectClassWithoutAnyDiagnostic() {
        Compilation compilation = Compilation.of(output, List.of(Sources.CORRECT, Sources.HANDLER), Compilation.explicitProcessor());

        assertThat(compilation.diagnostics()).isEmpty();
        assertThat(compilation.succeeded()).isTrue();
    }

    @Test
    void runsWithNoConfigurationBecauseTheAnnotationsJarRegistersIt() {
        Compilation compilation = Compilation.of(output, List.of(Sources.TYPO));

        assertThat(compilation.errors()).extracting(Compilation.Reported::message)
                .singleElement().asString().startsWith("@Compensate(\"remov\") on p.Typo.open(java.lang.String)");
    }

    @Test
    void suggestsTheNearestNamesForAMisspeltMethod() {
        Compilation compilation = Compilation.of(output, List.of(Sources.TYPO), Compilation.explicitProcessor());

        assertThat(compilation.errors()).containsExactly(error(Sources.TYPO, "String open(",
                "@Compensate(\"remov\") on p.Typo.open(java.lang.String): its class declares no method named remov."
                        + " Accepted: one of remov(java.lang.String, java.lang.String), remov(java.lang.String), remov(),"
                        + " declared in the same class, any visibility, not static; the first that fits wins."
                        + " Did you mean remove or removes?"));
    }

    @Test
    void suggestsNothingWhenNoNameIsClose() {
        Compilation compilation = Compilation.of(output, List.of(Sources.FAR_OFF), Compilation.explicitProcessor());

        assertThat(compilation.errors()).extracting(Compilation.Reported::message).singleElement().asString()
                .endsWith("not static; the first that fits wins");
    }

    @Test
    void rejectsCompensateOnAbstractMethods() {
        Compilation compilation = Compilation.of(output, List.of(Sources.ABSTRACT, Sources.INTERFACE), Compilation.explicitProcessor());

        String accepted = ". Accepted: @Compensate on a method with a body (annotations on an abstract method are not"
                + " inherited by its implementations)";
        assertThat(compilation.errors()).containsExactlyInAnyOrder(
                error(Sources.ABSTRACT, "abstract int open(", "@Compensate(\"close\") on p.Pool.open(java.lang.String):"
                        + " the method is abstract, so no call of it ever runs a body that could be recorded" + accepted),
                error(Sources.INTERFACE, "long open(", "@Compensate(handler = p.CloseRow.class) on p.Store.open():"
                        + " the method is abstract, so no call of it ever runs a body that could be recorded" + accepted));
    }

    @Test
    void marksAStaticCompensatingMethodOfAnInstanceMethod() {
        Compilation compilation = Compilation.of(output, List.of(Sources.INSTANCE_WITH_STATIC), Compilation.explicitProcessor());

        assertThat(compilation.errors()).containsExactly(error(Sources.INSTANCE_WITH_STATIC, "void open(",
                "@Compensate(\"close\") on p.Files2.open(java.nio.file.Path): no method named close fits; found:"
                        + " close(java.nio.file.Path) (static). Accepted: one of close(java.nio.file.Path), close(),"
                        + " declared in the same class, any visibility, not static; the first that fits wins"));
    }

    @Test
    void rejectsHandlersThatCannotBeCreated() {
        Compilation compilation = Compilation.of(output, List.of(Sources.BAD_HANDLERS), Compilation.explicitProcessor());

        String accepted = ". Accepted: handler = a class implementing " + HANDLER + "<java.lang.Long> with a public no-arg constructor";
        assertThat(compilation.errors()).containsExactlyInAnyOrder(
                error(Sources.BAD_HANDLERS, "long abstractOne(", "@Compensate(handler = p.Handlers$Base.class) on"
                        + " p.Handlers.abstractOne(): p.Handlers$Base is abstract and cannot be created" + accepted),
                error(Sources.BAD_HANDLERS, "long inner(", "@Compensate(handler = p.Handlers$Inner.class) on"
                        + " p.Handlers.inner(): p.Handlers$Inner has no public no-arg constructor" + accepted),
                error(Sources.BAD_HANDLERS, "long hidden(", "@Compensate(handler = p.Handlers$Hidden.class) on"
                        + " p.Handlers.hidden(): p.Handlers$Hidden has no public no-arg constructor" + accepted),
                error(Sources.BAD_HANDLERS, "long inherited(", "@Compensate(handler = p.Handlers$OfStrings.class) on"
                        + " p.Handlers.inherited(): p.Handlers$OfStrings handles java.lang.String, which cannot take the"
                        + " long that inherited returns" + accepted));
    }

    @Test
    void isSilencedForAnElementThatSuppressesRollback() {
        Compilation compilation = Compilation.of(output, List.of(Sources.SUPPRESSED), Compilation.explicitProcessor());

        assertThat(compilation.errors()).containsExactly(error(Sources.SUPPRESSED, "String checked(",
                "@Compensate(\"gone\") on p.Suppressed.checked(): its class declares no method named gone. Accepted: one of"
                        + " gone(java.lang.String), gone(), declared in the same class, any visibility, not static; the first"
                        + " that fits wins"));
    }

    @Test
    void isSwitchedOffForACompilationByAnOption() {
        Compilation compilation = Compilation.of(output, List.of(Sources.TYPO),
                Compilation.explicitProcessor("-Arollback.processor=off"));

        assertThat(compilation.diagnostics()).isEmpty();
        assertThat(compilation.succeeded()).isTrue();
    }

    @Test
    void refusesAnOptionValueItDoesNotUnderstand() {
        Compilation compilation = Compilation.of(output, List.of(Sources.TYPO),
                Compilation.explicitProcessor("-Arollback.processor=of"));

        assertThat(compilation.errors()).extracting(Compilation.Reported::message).containsExactly(
                "-Arollback.processor=of is not understood. Accepted: -Arollback.processor=on (the default) or"
                        + " -Arollback.processor=off");
    }

    @Test
    void leavesTypesThatDoNotCompileToJavac() {
        Compilation compilation = Compilation.of(output, List.of(Sources.UNKNOWN_TYPE), Compilation.explicitProcessor());

        assertThat(compilation.errors()).extracting(Compilation.Reported::message)
                .hasSize(2).allSatisfy(message -> assertThat(message).startsWith("cannot find symbol"));
    }

    private static Compilation.Reported error(String source, String methodLine, String message) {
        String name = source.replaceFirst("(?s).*?(?:class|interface) (\\w+).*", "$1");
        return new Compilation.Reported(Diagnostic.Kind.ERROR, "/p/" + name + ".java", Compilation.lineOf(source, "", methodLine), message);
    }
}
