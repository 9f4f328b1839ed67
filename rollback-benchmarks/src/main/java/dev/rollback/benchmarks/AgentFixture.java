package dev.rollback.benchmarks;

import dev.rollback.benchmarks.plain.Layer;
import dev.rollback.benchmarks.plain.Orchestrator;
import dev.rollback.benchmarks.plain.Resources;
import dev.rollback.benchmarks.plain.StepFailure;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The never-woven scenario classes, advised by the Byte Buddy agent of the fork. */
@State(Scope.Thread)
public class AgentFixture {

    /** What each agent benchmark adds to its fork's command line; run.sh starts JMH in the module's directory. */
    public static final String JAVAAGENT = "-javaagent:target/rollback-agent.jar";

    /** Acquires; records when a scope is open. */
    public final Resources resources = new Resources();
    /** Opens a scope per call. */
    public final Orchestrator orchestrator = new Orchestrator(resources, ResourceNames.ALL);
    /** Three nested scopes. */
    public final Layer layers = new Layer(resources, new Layer(resources, new Layer(resources, null)));

    /** Fails the trial at once if the agent did not advise the classes. */
    @Setup
    public void verifyAdvised() {
        int held = resources.held();
        try {
            orchestrator.fail(3, false);
        } catch (StepFailure expected) {
            Verify.held("classes under the agent (" + JAVAAGENT + ")", resources.held(), held);
            return;
        }
        throw new IllegalStateException("Orchestrator.fail returned");
    }
}
