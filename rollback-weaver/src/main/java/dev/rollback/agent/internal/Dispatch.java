package dev.rollback.agent.internal;

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
     * @throws dev.rollback.CompensationConfigurationException when it cannot be compensated as configured
     */
    public static void check(Class<?> type, int index, int id) {
        Resolutions.plan(type, index, id).check();
    }

    /**
     * @param type   the advised method's class
     * @param index  its slot in the class's table
     * @param id     its global number
     * @param target the receiver, {@code null} for a static method
     * @param result what the call returned, boxed
     * @param args   the call's arguments, in a fresh array
     */
    public static void record(Class<?> type, int index, int id, Object target, Object result, Object[] args) {
        Weaving.record(Resolutions.plan(type, index, id), target, result, args);
    }
}
