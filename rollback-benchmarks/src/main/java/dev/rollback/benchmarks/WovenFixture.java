package dev.rollback.benchmarks;

import dev.rollback.benchmarks.woven.Layer;
import dev.rollback.benchmarks.woven.Orchestrator;
import dev.rollback.benchmarks.woven.Resources;
import dev.rollback.benchmarks.woven.StepFailure;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The scenario classes compiled and woven by ajc. */
@State(Scope.Thread)
public class WovenFixture {

    /** Acquires; records when a scope is open. */
    public final Resources resources = new Resources();
    /** Opens a scope per call. */
    public final Orchestrator orchestrator = new Orchestrator(resources, ResourceNames.ALL);
    /** Three nested scopes. */
    public final Layer layers = new Layer(resources, new Layer(resources, new Layer(resources, null)));

    /** Fails the trial at once if the classes were not woven. */
    @Setup
    public void verifyWoven() {
        int held = resources.held();
        try {
            orchestrator.fail(3, false);
        } catch (StepFailure expected) {
            Verify.held("ajc-woven classes", resources.held(), held);
            return;
        }
        throw new IllegalStateException("Orchestrator.fail returned");
    }
}
