package dev.rollback.agent.internal;

import dev.rollback.internal.CompensatePlan;
import dev.rollback.internal.Scope;
import dev.rollback.internal.Weaving;

/**
 * What the inlined advice calls. Public because the advice is copied into the advised classes;
 * not API. Each advised method is named by constants bound at transform time: its class, its slot
 * in the class's table, and its global number (used once, to resolve it).
 */
public final class Dispatch {

    private Dispatch() {
    }

    /**
     * @param type  the advised method's class
     * @param index its slot in the class's table
     * @param id    its global number
     * @return the scope, to be closed by the exit advice
     * @throws dev.rollback.CompensationConfigurationException when a rule's exception classes cannot be resolved
     */
    public static Scope enter(Class<?> type, int index, int id) {
        return Weaving.enter(Resolutions.policy(type, index, id));
    }

    /**
     * @param type  the advised method's class
     * @param index its slot in the class's table
     * @param id    its global number
     * @return the method's plan, for the exit advice to record with
     * @throws dev.rollback.CompensationConfigurationException when it cannot be compensated as configured
     */
    public static CompensatePlan check(Class<?> type, int index, int id) {
        CompensatePlan plan = Resolutions.plan(type, index, id);
        plan.check();
        return plan;
    }
}
