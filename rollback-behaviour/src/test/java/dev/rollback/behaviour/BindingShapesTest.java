package dev.rollback.behaviour;

import dev.rollback.behaviour.fixtures.DeleteRow;
import dev.rollback.behaviour.fixtures.Tabs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Binding: the four shapes, private and static compensating methods, boxing, handler classes")
class BindingShapesTest extends BehaviourTest {

    private final Tabs tabs = new Tabs(journal);

    private void failAfter(dev.rollback.behaviour.fixtures.Body body) {
        thrownBy(() -> orchestrators.atomically(() -> {
            body.run();
            throw new IllegalStateException("boom");
        }));
    }

    @Test
    void bindsShapeOneResultThenArgumentsToAPrivateMethod() {
        failAfter(() -> tabs.openTab("docs", 3));
        assertThat(journal.entries()).containsExactly("closeTab(403, docs, 3)");
    }

    @Test
    void prefersShapeOneOverShapeTwo() {
        failAfter(() -> tabs.make("abc"));
        assertThat(journal.entries()).containsExactly("undo(result, arg)(ABC, abc)");
    }

    @Test
    void bindsShapeTwoTheResultAloneBoxingAPrimitive() {
        failAfter(() -> tabs.openById("docs"));
        assertThat(journal.entries()).containsExactly("closeById(42)");
    }

    @Test
    void bindsShapeThreeTheArgumentsUnboxingAWrapper() {
        failAfter(() -> tabs.openByTitle("docs", 5));
        assertThat(journal.entries()).containsExactly("closeByTitle(docs, 5)");
    }

    @Test
    void bindsShapeFourNothing() {
        failAfter(() -> tabs.openCounted("docs"));
        assertThat(journal.entries()).containsExactly("closeAll()");
    }

    @Test
    void bindsAVoidMethodsArguments() {
        failAfter(() -> tabs.log("line"));
        assertThat(journal.entries()).containsExactly("log(line)", "unlog(line)");
    }

    @Test
    void bindsAStaticMethodToAPrivateStaticCompensatingMethod() {
        failAfter(() -> Tabs.createStatic("x"));
        assertThat(journal.entries()).containsExactly("deleteStatic(static-x, x)");
    }

    @Test
    void bindsAMethodWithSixParametersOfEveryPrimitiveKind() {
        failAfter(() -> tabs.openWide("w", 1, 2L, 3.5, true, 'x'));
        assertThat(journal.entries()).containsExactly("closeWide(w123.5truex)");
    }

    @Test
    void bindsAStaticMethodWithoutParameters() {
        failAfter(Tabs::bumpCounter);
        assertThat(journal.entries()).containsExactly("resetCounter(41)");
    }

    @Test
    void callsAHandlerClassWithTheResultAndACopyOfTheArguments() {
        DeleteRow.CALLS.clear();
        failAfter(() -> tabs.insertRow("agent-7"));
        assertThat(DeleteRow.CALLS).containsExactly("delete 99 [agent-7]");
    }
}
