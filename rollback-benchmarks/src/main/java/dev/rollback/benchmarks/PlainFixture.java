package dev.rollback.benchmarks;

import dev.rollback.benchmarks.plain.Resources;
import dev.rollback.benchmarks.plain.StepFailure;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Hand-written code and the programmatic API, on never-woven resources. */
@State(Scope.Thread)
public class PlainFixture {

    /** Acquires; never records by itself. */
    public final Resources resources = new Resources();
    /** The limit. */
    public final Handwritten handwritten = new Handwritten(resources, ResourceNames.ALL);
    /** The failure path's honest limit: hand-written code that also times each undo and keeps its outcome. */
    public final TimedHandwritten limit = new TimedHandwritten(resources, ResourceNames.ALL);
    /** {@code Rollback.call} and {@code Rollback.register}. */
    public final Programmatic programmatic = new Programmatic(resources, ResourceNames.ALL);

    /** Fails the trial at once if something advised the never-woven classes in this fork. */
    @Setup
    public void verifyNotAdvised() {
        int held = resources.held();
        try {
            new dev.rollback.benchmarks.plain.Orchestrator(resources, ResourceNames.ALL).fail(3, false);
        } catch (StepFailure expected) {
            Verify.held("never-woven classes without an agent", resources.held(), held + 3);
            return;
        }
        throw new IllegalStateException("Orchestrator.fail returned");
    }
}
