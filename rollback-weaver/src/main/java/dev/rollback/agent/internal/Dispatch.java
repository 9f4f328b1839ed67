package dev.rollback.agent.internal;

import dev.rollback.CompensationConfigurationException;
import dev.rollback.internal.CompensatePlan;
import dev.rollback.internal.Scope;
import dev.rollback.internal.ScopePolicy;
import dev.rollback.internal.Weaving;

import java.lang.invoke.MethodHandles;

/**
 * What the inlined advice calls. Public because the advice is copied into the advised classes;
 * not API. The advice holds its method's resolution (see {@link AdvisedResolution}): a
 * {@link ScopePolicy}, a {@link CompensatePlan}, or the message of a configuration error.
 */
public final class Dispatch {

    private Dispatch() {
    }

    /**
     * Bootstraps the dynamic constant that holds an advised method's resolution, at its first call.
     * It never throws for a misconfigured method: the resolution then says what is wrong, and the
     * advice raises it on every call, as the contract asks.
     *
     * @param lookup the advised class's own look-up
     * @param name   the constant's name (unused)
     * @param type   the constant's type, {@code Object}
     * @param index  the method's slot in its class's table
     * @param id     the method's global number
     * @return the resolution
     */
    public static Object resolution(MethodHandles.Lookup lookup, String name, Class<?> type, int index, int id) {
        return Resolutions.resolve(lookup.lookupClass(), index, id);
    }

    /**
     * Finds an advised method's resolution, for class files too old for dynamic constants.
     *
     * @param type  the advised method's class
     * @param index its slot in the class's table
     * @param id    its global number
     * @return the resolution
     */
    public static Object resolution(Class<?> type, int index, int id) {
        return Resolutions.get(type, index, id);
    }

    /**
     * @param resolution the {@code @WithRollback} method's resolution
     * @return the scope, to be closed by the exit advice
     * @throws CompensationConfigurationException when a rule's exception classes cannot be resolved
     */
    public static Scope enter(Object resolution) {
        if (resolution instanceof ScopePolicy policy) {
            return Weaving.enter(policy);
        }
        throw new CompensationConfigurationException((String) resolution);
    }

    /**
     * @param resolution the {@code @Compensate} method's resolution
     * @return the method's plan, for the exit advice to record with
     * @throws CompensationConfigurationException when it cannot be compensated as configured
     */
    public static CompensatePlan check(Object resolution) {
        CompensatePlan plan = (CompensatePlan) resolution;
        plan.check();
        return plan;
    }

    /**
     * Ends a {@code @Compensate} call in a scope: records it when it returned; when it threw, tells
     * the journal, if its intent was journaled, that there is nothing to undo.
     *
     * @param scope  the innermost scope, open
     * @param plan   the method's plan
     * @param target the receiver, or {@code null}
     * @param result what it returned, or {@code null}
     * @param args   its arguments
     * @param thrown what it threw, or {@code null} when it returned
     */
    public static void ended(Scope scope, CompensatePlan plan, Object target, Object result, Object[] args,
                             Throwable thrown) {
        if (thrown == null) {
            Weaving.record(scope, plan, target, result, args);
        } else {
            Weaving.abandon(plan);
        }
    }

    /**
     * Like {@link #ended}, for a method with one parameter.
     *
     * @param scope    the innermost scope, open
     * @param plan     the method's plan
     * @param target   the receiver, or {@code null}
     * @param result   what it returned, or {@code null}
     * @param argument its argument
     * @param thrown   what it threw, or {@code null} when it returned
     */
    public static void endedOne(Scope scope, CompensatePlan plan, Object target, Object result, Object argument,
                                Throwable thrown) {
        if (thrown == null) {
            Weaving.recordOneArgument(scope, plan, target, result, argument);
        } else {
            Weaving.abandon(plan);
        }
    }
}
