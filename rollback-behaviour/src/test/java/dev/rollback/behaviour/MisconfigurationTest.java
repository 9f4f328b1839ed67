package dev.rollback.behaviour;

import dev.rollback.CompensationConfigurationException;
import dev.rollback.behaviour.fixtures.Body;
import dev.rollback.behaviour.fixtures.Misconfigured;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Misconfiguration: a CompensationConfigurationException naming class, method, annotation and accepted signatures, before the body runs")
class MisconfigurationTest extends BehaviourTest {

    private static final String F = "dev.rollback.behaviour.fixtures.Misconfigured$";
    private static final String HANDLER = "dev.rollback.annotation.CompensationHandler";

    /** Calls the method outside and inside a scope: the same message both times, and the body never runs. */
    private void assertRaised(Body call, String message) {
        int runs = Misconfigured.BODY_RUNS.get();
        Throwable outside = thrownBy(call);
        Throwable inside = thrownBy(() -> orchestrators.atomically(call));
        Throwable again = thrownBy(call);
        for (Throwable thrown : new Throwable[] {outside, inside, again}) {
            assertThat(thrown).isInstanceOf(CompensationConfigurationException.class).hasMessage(message);
        }
        assertThat(outside).isNotSameAs(again);
        assertThat(Misconfigured.BODY_RUNS.get()).as("body runs").isEqualTo(runs);
    }

    @Test
    void aMissingCompensatingMethod() {
        assertRaised(() -> new Misconfigured.MissingMethod().create("x"),
                "@Compensate(\"remove\") on " + F + "MissingMethod.create(java.lang.String): its class declares no method"
                        + " named remove. Accepted: one of remove(java.lang.String, java.lang.String), remove(java.lang.String),"
                        + " remove(), declared in the same class, any visibility, not static; the first that fits wins");
    }

    @Test
    void noSignatureFits() {
        assertRaised(() -> new Misconfigured.NoFittingSignature().create("x"),
                "@Compensate(\"remove\") on " + F + "NoFittingSignature.create(java.lang.String): no method named remove"
                        + " fits; found: remove(int, java.lang.Object, java.lang.Object), remove(long). Accepted: one of"
                        + " remove(int, java.lang.String), remove(int), remove(java.lang.String), remove(), declared in the"
                        + " same class, any visibility, not static; the first that fits wins");
    }

    @Test
    void twoCandidatesOfTheSameRank() {
        assertRaised(() -> new Misconfigured.Ambiguous().create("x"),
                "@Compensate(\"remove\") on " + F + "Ambiguous.create(java.lang.String): 2 methods fit equally as"
                        + " (arguments): remove(java.lang.CharSequence), remove(java.lang.Object). Accepted: only"
                        + " one of remove(java.lang.String), remove(), declared in the same class, any visibility, not static;"
                        + " the first that fits wins");
    }

    @Test
    void bothValueAndHandler() {
        assertRaised(() -> new Misconfigured.BothValueAndHandler().create("x"),
                "@Compensate(value = \"remove\", handler = " + F + "NoOpHandler.class) on " + F
                        + "BothValueAndHandler.create(java.lang.String): both value and handler are given. Accepted: exactly"
                        + " one of value = one of remove(java.lang.String, java.lang.String), remove(java.lang.String),"
                        + " remove(), declared in the same class, any visibility, not static; the first that fits wins; or"
                        + " handler = a class implementing " + HANDLER + "<java.lang.String> with a public no-arg constructor");
    }

    @Test
    void neitherValueNorHandler() {
        assertRaised(() -> new Misconfigured.NeitherValueNorHandler().create("x"),
                "@Compensate on " + F + "NeitherValueNorHandler.create(java.lang.String): neither value nor handler is"
                        + " given. Accepted: exactly one of value = one of <name>(java.lang.String, java.lang.String),"
                        + " <name>(java.lang.String), <name>(), declared in the same class, any visibility, not static; the"
                        + " first that fits wins; or handler = a class implementing " + HANDLER
                        + "<java.lang.String> with a public no-arg constructor");
    }

    @Test
    void aStaticMethodWithAnInstanceCompensatingMethod() {
        assertRaised(() -> Misconfigured.StaticMismatch.create("x"),
                "@Compensate(\"remove\") on " + F + "StaticMismatch.create(java.lang.String): no method named remove fits;"
                        + " found: remove(java.lang.String) (not static). Accepted: one of remove(java.lang.String), remove(),"
                        + " declared in the same class, any visibility, static; the first that fits wins");
    }

    @Test
    void aHandlerWithoutAPublicNoArgConstructor() {
        assertRaised(() -> new Misconfigured.HandlerWithoutNoArgConstructor().create("x"),
                "@Compensate(handler = " + F + "NeedsArgument.class) on " + F + "HandlerWithoutNoArgConstructor.create("
                        + "java.lang.String): " + F + "NeedsArgument has no public no-arg constructor. Accepted: handler = a"
                        + " class implementing " + HANDLER + "<java.lang.String> with a public no-arg constructor");
    }

    @Test
    void aHandlerWhoseTypeArgumentDoesNotFitTheResult() {
        assertRaised(() -> new Misconfigured.HandlerOfWrongType().create("x"),
                "@Compensate(handler = " + F + "NoOpHandler.class) on " + F + "HandlerOfWrongType.create(java.lang.String): "
                        + F + "NoOpHandler handles java.lang.String, which cannot take the int that create returns."
                        + " Accepted: handler = a class implementing " + HANDLER + "<java.lang.Integer> with a public no-arg constructor");
    }

    @Test
    void aHandlerWhoseConstructorThrowsCarriesTheFailureAsItsCause() {
        String message = "@Compensate(handler = " + F + "Unavailable.class) on " + F + "HandlerConstructorThrows.create("
                + "java.lang.String): the constructor of " + F + "Unavailable threw java.lang.IllegalStateException: no"
                + " database. Accepted: handler = a class implementing " + HANDLER + "<java.lang.String> with a public"
                + " no-arg constructor";
        assertRaised(() -> new Misconfigured.HandlerConstructorThrows().create("x"), message);
        assertThat(thrownBy(() -> new Misconfigured.HandlerConstructorThrows().create("x")))
                .hasCauseInstanceOf(IllegalStateException.class).cause().hasMessage("no database");
    }

    @Test
    void aNegativeTimeout() {
        assertRaised(() -> new Misconfigured.NegativeTimeout().create("x"),
                "@Compensate(\"remove\") on " + F + "NegativeTimeout.create(java.lang.String): timeoutMillis is -5."
                        + " Accepted: 0 (no limit) or more");
    }

    @Test
    void negativeRetries() {
        assertRaised(() -> new Misconfigured.NegativeRetries().create("x"),
                "@Compensate(\"remove\") on " + F + "NegativeRetries.create(java.lang.String): retries is -1. Accepted: 0 or more");
    }

    @Test
    void noPrimitiveWidening() {
        assertRaised(() -> new Misconfigured.NoPrimitiveWidening().create(),
                "@Compensate(\"remove\") on " + F + "NoPrimitiveWidening.create(): no method named remove fits; found:"
                        + " remove(long). Accepted: one of remove(int), remove(), declared in the same class, any visibility,"
                        + " not static; the first that fits wins");
    }
}
