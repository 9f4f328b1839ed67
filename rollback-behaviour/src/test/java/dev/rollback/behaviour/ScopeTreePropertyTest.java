package dev.rollback.behaviour;

import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import dev.rollback.RollbackScope;
import dev.rollback.annotation.Propagation;
import dev.rollback.behaviour.fixtures.Body;
import dev.rollback.behaviour.fixtures.Orchestrators;
import dev.rollback.behaviour.fixtures.PropertySteps;
import dev.rollback.behaviour.fixtures.ThreadState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random trees of nested scopes (annotated and programmatic, NESTED and REQUIRES_NEW), random
 * priorities, random failures and failing compensations, checked against a model of the contract.
 */
@Label("Property: random trees of nested scopes behave as the model says")
class ScopeTreePropertyTest {

    enum Kind { ANNOTATED_NESTED, ANNOTATED_REQUIRES_NEW, PROGRAMMATIC_NESTED, PROGRAMMATIC_REQUIRES_NEW }

    interface Step {
    }

    static final class Acquire implements Step {
        final int priority;
        final boolean undoFails;
        final boolean annotated;
        int id;

        Acquire(int priority, boolean undoFails, boolean annotated) {
            this.priority = priority;
            this.undoFails = undoFails;
            this.annotated = annotated && (!undoFails || priority == 0);
        }

        @Override
        public String toString() {
            return "acquire#" + id + "(p" + priority + (undoFails ? ",fails" : "") + (annotated ? ",@" : "") + ")";
        }
    }

    record Nest(Node child, boolean caught) implements Step {
    }

    static final class Node {
        final Kind kind;
        final List<Step> steps;
        final boolean fails;
        int id;

        Node(Kind kind, List<Step> steps, boolean fails) {
            this.kind = kind;
            this.steps = steps;
            this.fails = fails;
        }

        boolean requiresNew() {
            return kind == Kind.ANNOTATED_REQUIRES_NEW || kind == Kind.PROGRAMMATIC_REQUIRES_NEW;
        }

        @Override
        public String toString() {
            return kind + "#" + id + (fails ? "!" : "") + steps;
        }
    }

    /** What the contract says a scope does: thrown (by which node), records handed up, incomplete scopes on the way. */
    record Expected(Integer failedAt, List<Acquire> records, int incompleteScopes) {
    }

    private final Orchestrators orchestrators = new Orchestrators();
    private final PropertySteps steps = new PropertySteps();

    @Property(tries = 400)
    void compensationsFollowTheModelAndLeaveNoState(@ForAll("trees") Node root) {
        number(root, new int[] {0}, new int[] {0});
        PropertySteps.UNDONE.clear();
        List<Integer> expectedUndone = new ArrayList<>();
        Expected expected = model(root, expectedUndone);
        List<RuntimeException> failures = new ArrayList<>();

        Throwable thrown = null;
        try {
            execute(root, failures);
        } catch (Throwable t) {
            thrown = t;
        }

        assertThat(PropertySteps.UNDONE).as("compensations run, in order").containsExactlyElementsOf(expectedUndone);
        assertThat(ThreadState.holdsRollbackState()).as("rollback state left on the thread").isFalse();
        if (expected.failedAt() == null) {
            assertThat(thrown).isNull();
        } else {
            RuntimeException original = failures.stream().filter(f -> f.getMessage().equals("node " + expected.failedAt()))
                    .findFirst().orElseThrow();
            assertThat(thrown).as("the original throwable").isSameAs(original);
            assertThat(Arrays.stream(thrown.getSuppressed()).filter(RollbackIncompleteException.class::isInstance))
                    .as("one suppressed report per incomplete scope").hasSize(expected.incompleteScopes());
        }
    }

    @Provide
    Arbitrary<Node> trees() {
        return node(3);
    }

    private Arbitrary<Node> node(int depth) {
        Arbitrary<Step> acquire = Combinators.combine(Arbitraries.integers().between(-1, 1), Arbitraries.of(true, false, false, false),
                Arbitraries.of(true, false)).as(Acquire::new);
        Arbitrary<Step> step = depth == 0 ? acquire
                : Arbitraries.frequencyOf(Tuple.of(3, acquire),
                Tuple.of(1, Combinators.combine(node(depth - 1), Arbitraries.of(true, false)).as(Nest::new)));
        return Combinators.combine(Arbitraries.of(Kind.values()), step.list().ofMaxSize(4), Arbitraries.of(true, false))
                .as(Node::new);
    }

    private static void number(Node node, int[] nodes, int[] acquisitions) {
        node.id = nodes[0]++;
        for (Step step : node.steps) {
            if (step instanceof Acquire acquire) {
                acquire.id = acquisitions[0]++;
            } else {
                number(((Nest) step).child(), nodes, acquisitions);
            }
        }
    }

    // ---- the model -------------------------------------------------------------------------

    private static Expected model(Node node, List<Integer> undone) {
        List<Acquire> records = new ArrayList<>();
        for (Step step : node.steps) {
            if (step instanceof Acquire acquire) {
                records.add(acquire);
                continue;
            }
            Nest nest = (Nest) step;
            Expected child = model(nest.child(), undone);
            if (child.failedAt() == null) {
                if (!nest.child().requiresNew()) {
                    records.addAll(child.records());
                }
            } else if (!nest.caught()) {
                boolean incomplete = compensate(records, undone);
                return new Expected(child.failedAt(), List.of(), child.incompleteScopes() + (incomplete ? 1 : 0));
            }
        }
        if (node.fails) {
            boolean incomplete = compensate(records, undone);
            return new Expected(node.id, List.of(), incomplete ? 1 : 0);
        }
        return new Expected(null, records, 0);
    }

    private static boolean compensate(List<Acquire> records, List<Integer> undone) {
        List<Acquire> newestFirst = new ArrayList<>(records);
        java.util.Collections.reverse(newestFirst);
        newestFirst.sort(Comparator.comparingInt((Acquire a) -> a.priority).reversed());
        newestFirst.forEach(a -> undone.add(a.id));
        return newestFirst.stream().anyMatch(a -> a.undoFails);
    }

    // ---- the real thing --------------------------------------------------------------------

    private void execute(Node node, List<RuntimeException> failures) throws Exception {
        Body body = () -> {
            for (Step step : node.steps) {
                if (step instanceof Acquire acquire) {
                    acquire(acquire);
                } else {
                    Nest nest = (Nest) step;
                    try {
                        execute(nest.child(), failures);
                    } catch (RuntimeException e) {
                        if (!nest.caught()) {
                            throw e;
                        }
                    }
                }
            }
            if (node.fails) {
                RuntimeException failure = new IllegalStateException("node " + node.id);
                failures.add(failure);
                throw failure;
            }
        };
        switch (node.kind) {
            case ANNOTATED_NESTED -> orchestrators.atomically(body);
            case ANNOTATED_REQUIRES_NEW -> orchestrators.independently(body);
            case PROGRAMMATIC_NESTED -> Rollback.run("node " + node.id, body::run);
            case PROGRAMMATIC_REQUIRES_NEW -> {
                try (RollbackScope scope = Rollback.begin("node " + node.id, Propagation.REQUIRES_NEW)) {
                    body.run();
                    scope.commit();
                }
            }
        }
    }

    private void acquire(Acquire acquire) {
        if (!acquire.annotated) {
            int id = acquire.id;
            Rollback.register("acquire " + id, acquire.priority, () -> {
                PropertySteps.UNDONE.add(id);
                if (acquire.undoFails) {
                    throw new IllegalStateException("undo " + id + " failed");
                }
            });
        } else if (acquire.undoFails) {
            steps.takeFailing(acquire.id);
        } else if (acquire.priority > 0) {
            steps.takeHigh(acquire.id);
        } else if (acquire.priority < 0) {
            steps.takeLow(acquire.id);
        } else {
            steps.take(acquire.id);
        }
    }
}
