package dev.rollback.internal;

/**
 * Where a weaver finds a {@code @Compensate} method's plan by a key of its own (for AspectJ, the
 * join point's static part). A weaver whose recording advice cannot carry the plan from the check
 * before the body hands the key instead, and the plan is looked up only when it is needed: at
 * rollback time, for a listener or a report, never on the success path.
 */
@FunctionalInterface
public interface PlanSource {

    /**
     * @param key the weaver's key for one {@code @Compensate} method
     * @return the method's plan, the same object on every call with the same key
     */
    CompensatePlan plan(Object key);
}
