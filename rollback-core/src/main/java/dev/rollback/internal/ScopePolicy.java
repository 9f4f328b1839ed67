package dev.rollback.internal;

import dev.rollback.CompensationConfigurationException;
import dev.rollback.annotation.Propagation;
import dev.rollback.annotation.WithRollback;

import java.lang.reflect.Method;
import java.util.Objects;

/**
 * The resolved attributes of a scope: its name, which throwables roll it back, and how it
 * relates to an enclosing scope. Resolved once per advised method and shared by all its calls.
 */
public final class ScopePolicy {

    private static final Class<?>[] NONE = new Class<?>[0];

    private final String name;
    private final Class<?>[] rollbackFor;
    private final Class<?>[] noRollbackFor;
    private final Propagation propagation;
    private final boolean parallel;
    private final boolean durable;
    /** The default rules: every throwable rolls back, so no class hierarchy need be walked. */
    private final boolean everything;

    private ScopePolicy(String name, Class<?>[] rollbackFor, Class<?>[] noRollbackFor, Propagation propagation,
                        boolean parallel, boolean durable) {
        this.name = name;
        this.parallel = parallel;
        this.durable = durable;
        this.rollbackFor = rollbackFor.length == 0 ? new Class<?>[] {Throwable.class} : rollbackFor.clone();
        this.noRollbackFor = noRollbackFor.clone();
        this.propagation = Objects.requireNonNull(propagation, "propagation");
        this.everything = this.rollbackFor.length == 1 && this.rollbackFor[0] == Throwable.class
                && this.noRollbackFor.length == 0;
    }

    /**
     * @param name          the operation name
     * @param rollbackFor   throwables that roll back; empty: every throwable
     * @param noRollbackFor throwables that do not
     * @param propagation   how the scope relates to an enclosing one
     * @return the policy
     */
    public static ScopePolicy of(String name, Class<?>[] rollbackFor, Class<?>[] noRollbackFor,
                                 Propagation propagation) {
        return of(name, rollbackFor, noRollbackFor, propagation, false);
    }

    /**
     * @param name          the operation name
     * @param rollbackFor   throwables that roll back; empty: every throwable
     * @param noRollbackFor throwables that do not
     * @param propagation   how the scope relates to an enclosing one
     * @param parallel      whether compensations of equal priority run concurrently
     * @return the policy
     */
    public static ScopePolicy of(String name, Class<?>[] rollbackFor, Class<?>[] noRollbackFor,
                                 Propagation propagation, boolean parallel) {
        return of(name, rollbackFor, noRollbackFor, propagation, parallel, false);
    }

    /**
     * @param name          the operation name
     * @param rollbackFor   throwables that roll back; empty: every throwable
     * @param noRollbackFor throwables that do not
     * @param propagation   how the scope relates to an enclosing one
     * @param parallel      whether compensations of equal priority run concurrently
     * @param durable       whether the scope is journaled
     * @return the policy
     */
    public static ScopePolicy of(String name, Class<?>[] rollbackFor, Class<?>[] noRollbackFor,
                                 Propagation propagation, boolean parallel, boolean durable) {
        return new ScopePolicy(Objects.requireNonNull(name, "name"), rollbackFor, noRollbackFor, propagation, parallel,
                durable);
    }

    /**
     * A rules-file scope of an advised method: checked like an annotated one.
     *
     * @param method        the advised method
     * @param name          the operation name
     * @param rollbackFor   throwables that roll back; empty: every throwable
     * @param noRollbackFor throwables that do not
     * @param propagation   how the scope relates to an enclosing one
     * @param parallel      whether compensations of equal priority run concurrently
     * @return the policy
     * @throws CompensationConfigurationException when the method's return type cannot carry a scope
     */
    public static ScopePolicy of(Method method, String name, Class<?>[] rollbackFor, Class<?>[] noRollbackFor,
                                 Propagation propagation, boolean parallel) {
        return of(method, name, rollbackFor, noRollbackFor, propagation, parallel, false);
    }

    /**
     * A rules-file scope of an advised method, durable or not: checked like an annotated one.
     *
     * @param method        the advised method
     * @param name          the operation name
     * @param rollbackFor   throwables that roll back; empty: every throwable
     * @param noRollbackFor throwables that do not
     * @param propagation   how the scope relates to an enclosing one
     * @param parallel      whether compensations of equal priority run concurrently
     * @param durable       whether the scope is journaled (the rule's {@code durable=true})
     * @return the policy
     * @throws CompensationConfigurationException when the method's return type cannot carry a scope
     */
    public static ScopePolicy of(Method method, String name, Class<?>[] rollbackFor, Class<?>[] noRollbackFor,
                                 Propagation propagation, boolean parallel, boolean durable) {
        AsyncReturn.check(method);
        return of(name, rollbackFor, noRollbackFor, propagation, parallel, durable);
    }

    /** @return the policy of a programmatic scope: every throwable rolls back */
    static ScopePolicy programmatic(String name, Propagation propagation, boolean parallel, boolean durable) {
        return new ScopePolicy(name, NONE, NONE, propagation, parallel, durable);
    }

    /**
     * Resolves the policy of a method carrying {@code @WithRollback} itself or on its declaring
     * type (the method's own annotation wins).
     *
     * @param method the advised method
     * @return its policy
     * @throws IllegalArgumentException           when neither the method nor its type is annotated
     * @throws CompensationConfigurationException when the method's return type cannot carry a scope
     */
    public static ScopePolicy of(Method method) {
        WithRollback annotation = method.getAnnotation(WithRollback.class);
        if (annotation == null) {
            annotation = method.getDeclaringClass().getAnnotation(WithRollback.class);
        }
        if (annotation == null) {
            throw new IllegalArgumentException(Names.method(method)
                    + " carries no @WithRollback, nor does its class; accepted: a method annotated"
                    + " with @WithRollback, or a public method of a class annotated with it");
        }
        String name = annotation.value().isEmpty() ? defaultName(method) : annotation.value();
        AsyncReturn.check(method);
        return of(name, annotation.rollbackFor(), annotation.noRollbackFor(), annotation.propagation(),
                annotation.parallelCompensation(), annotation.durable());
    }

    /**
     * @param method an orchestrator method
     * @return the operation name it gets when none is given: {@code SimpleClass.method}
     */
    public static String defaultName(Method method) {
        return Names.defaultOperationName(method);
    }

    public String name() {
        return name;
    }

    Propagation propagation() {
        return propagation;
    }

    boolean parallel() {
        return parallel;
    }

    /** @return whether the scope is journaled (nested scopes of a durable scope are, whatever theirs says) */
    public boolean durable() {
        return durable;
    }

    /**
     * Decides whether a throwable leaving the scope rolls it back: it must match
     * {@code rollbackFor} and not {@code noRollbackFor}; when it matches both, the entry closer to
     * the throwable's class wins, and {@code noRollbackFor} wins a tie.
     */
    boolean rollsBackOn(Throwable thrown) {
        if (everything) {
            return true;
        }
        int rollback = distance(thrown.getClass(), rollbackFor);
        if (rollback == Integer.MAX_VALUE) {
            return false;
        }
        return rollback < distance(thrown.getClass(), noRollbackFor);
    }

    private static int distance(Class<?> type, Class<?>[] candidates) {
        int best = Integer.MAX_VALUE;
        for (Class<?> candidate : candidates) {
            int steps = 0;
            for (Class<?> c = type; c != null; c = c.getSuperclass(), steps++) {
                if (c == candidate) {
                    best = Math.min(best, steps);
                    break;
                }
            }
        }
        return best;
    }
}
