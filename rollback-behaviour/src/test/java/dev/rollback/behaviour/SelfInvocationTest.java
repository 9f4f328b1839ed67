package dev.rollback.behaviour;

import dev.rollback.behaviour.fixtures.SelfInvoking;
import dev.rollback.Rollback;
import dev.rollback.RollbackScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Weaving reaches what proxies cannot: self-invocation, private methods, type-level annotations")
class SelfInvocationTest extends BehaviourTest {

    @Test
    void compensatesCallsMadeThroughThis() {
        SelfInvoking orchestrator = new SelfInvoking(journal);
        thrownBy(() -> orchestrator.orchestrate(true));
        assertThat(journal.entries()).containsExactly("reserve outer", "reserve inner", "cancel inner", "cancel outer");
    }

    @Test
    void aSucceedingSelfInvokedOrchestratorCompensatesNothing() {
        new SelfInvoking(journal).orchestrate(false);
        assertThat(journal.entries()).containsExactly("reserve outer", "reserve inner");
    }

    @Test
    void aTypeLevelAnnotationMakesEveryPublicMethodAScope() throws Exception {
        AtomicService service = new AtomicService();
        List<String> names = new ArrayList<>();
        service.run(() -> names.add(Rollback.current().map(RollbackScope::name).orElse("none")));
        service.runWithOwnAnnotation(() -> names.add(Rollback.current().map(RollbackScope::name).orElse("none")));
        service.runPackagePrivate(() -> names.add(Rollback.current().map(RollbackScope::name).orElse("none")));
        assertThat(names).containsExactly("atomic-service", "own-name", "none");
    }

    @Test
    void aMethodAnnotationOnAnAnnotatedTypeTakesItsOwnPropagation() {
        AtomicService service = new AtomicService();
        thrownBy(() -> service.run(() -> {
            resources.acquire("outer");
            service.runWithOwnAnnotation(() -> resources.acquire("independent"));
            throw new IllegalStateException("boom");
        }));
        assertThat(journal.withPrefix("release ")).containsExactly("outer");
    }
}
