package dev.rollback.internal;

import java.lang.reflect.Method;

/**
 * The entry points the weavers call: the AspectJ aspects and the java agent's advice are each a
 * few lines around these, so that the behaviour lives here once.
 */
public final class Weaving {

    private static final MethodCache<ScopePolicy> POLICIES = new MethodCache<>(ScopePolicy::of);

    private Weaving() {
    }

    /**
     * @param method a method carrying {@code @WithRollback}, or a public method of a class that does
     * @return its policy, resolved on the first call and cached with the method's class
     */
    public static ScopePolicy policy(Method method) {
        return POLICIES.get(method);
    }

    /**
     * @param method a method carrying {@code @Compensate}
     * @return its plan, resolved on the first call and cached with the method's class
     */
    public static CompensatePlan plan(Method method) {
        return CompensateBinder.plan(method);
    }

    /**
     * Opens the scope of a {@code @WithRollback} method, before its body runs.
     *
     * @param policy the method's policy
     * @return the scope, to be handed to {@link #exit(Scope, Throwable)}
     */
    public static Scope enter(ScopePolicy policy) {
        return Scopes.open(policy, policy.name(), false);
    }

    /**
     * Closes the scope of a {@code @WithRollback} method as it leaves.
     *
     * @param scope  what {@link #enter} returned
     * @param thrown what leaves the method, or {@code null} when it returned
     */
    public static void exit(Scope scope, Throwable thrown) {
        Scopes.exit(scope, thrown);
    }

    /**
     * Hands the scope of a {@code @WithRollback} method whose declared return type is
     * {@code CompletionStage} or {@code CompletableFuture}, and that returned, to the stage it
     * returned: the method's thread leaves the scope now, and the scope settles when the stage
     * completes. A method that threw is closed with {@link #exit(Scope, Throwable)} instead.
     *
     * @param scope    what {@link #enter} returned
     * @param returned what the method returned: a {@code CompletionStage}, or {@code null}
     * @return what the method's caller gets instead: a {@code CompletableFuture} that completes
     *         once the scope has settled; {@code null} when the method returned {@code null}
     */
    public static Object exitAsync(Scope scope, Object returned) {
        return ProgrammaticScopes.follow(scope, (java.util.concurrent.CompletionStage<?>) returned);
    }

    /**
     * Closes the innermost scope opened by a {@code @WithRollback} method, for weavers that cannot
     * carry the scope from before the body to after it.
     *
     * @param thrown what leaves the method, or {@code null} when it returned
     */
    public static void exit(Throwable thrown) {
        Scopes.exitAnnotated(thrown);
    }

    /**
     * @return whether the innermost scope open on this thread is durable, so that a
     *         {@code @Compensate} call's intent must be journaled before its body
     *         ({@link #intend}); the guard of the weavers' before-body hook. Without a journal
     *         installed it reads one static field and nothing else.
     */
    public static boolean journaling() {
        if (!Journaling.installed()) {
            return false; // no durable scope can be open: the thread-local is not even read
        }
        Scope scope = Scopes.current();
        return scope != null && scope.journal != null;
    }

    /**
     * Journals a {@code @Compensate} call's intent (method and arguments) before its body runs (D1),
     * when the innermost scope is durable; nothing otherwise. Call it after {@link CompensatePlan#check()}.
     *
     * @param plan the method's plan, already checked
     * @param args the call's arguments
     * @throws dev.rollback.CompensationConfigurationException when an argument's or the result's
     *                                                          declared type cannot be journaled (D4)
     */
    public static void intend(CompensatePlan plan, Object[] args) {
        Scope scope = Scopes.current();
        if (scope != null && scope.journal != null) {
            Journaling.intend(scope, plan, args);
        }
    }

    /**
     * Tells the journal that a {@code @Compensate} call whose intent was journaled threw: there is
     * nothing to undo for it. Nothing when its intent was not journaled.
     *
     * @param plan the method's plan
     */
    public static void abandon(CompensatePlan plan) {
        dev.rollback.spi.JournaledStep step = Journaling.take(plan);
        if (step != null) {
            step.abandoned();
        }
    }

    /** @return whether a scope is open on this thread, so that a returning call must be recorded */
    public static boolean recording() {
        return Scopes.current() != null;
    }

    /**
     * @return the innermost scope open on this thread, in which a returning call is to be recorded,
     *         or {@code null}; for weavers whose advice can keep it from the test to the record, so
     *         that the thread-local is read once per call
     */
    public static Scope recordingScope() {
        return Scopes.current();
    }

    /**
     * Records a {@code @Compensate} call that returned normally; nothing when no scope is open.
     *
     * @param plan   the method's plan, already {@linkplain CompensatePlan#check() checked}
     * @param target the receiver, or {@code null} for a static method
     * @param result the returned value (boxed), or {@code null}
     * @param args   the call's arguments; the array is kept, so pass one nobody else changes
     */
    public static void record(CompensatePlan plan, Object target, Object result, Object[] args) {
        Scope scope = Scopes.current();
        if (scope != null) {
            record(scope, plan, target, result, args);
        }
    }

    /**
     * Records a {@code @Compensate} call that returned normally in a scope the caller found open.
     *
     * @param scope  what {@link #recordingScope()} returned, not {@code null}
     * @param plan   the method's plan, already {@linkplain CompensatePlan#check() checked}
     * @param target the receiver, or {@code null} for a static method
     * @param result the returned value (boxed), or {@code null}
     * @param args   the call's arguments; the array is kept, so pass one nobody else changes
     */
    public static void record(Scope scope, CompensatePlan plan, Object target, Object result, Object[] args) {
        if (scope.journal != null) {
            recordDurable(scope, plan, target, result, args);
        } else if (args.length == 1) {
            // inlined into the advice, this lets the JIT drop the array the advice built for the call
            Scopes.record(scope, new OneArgumentRecord(plan, target, result, args[0]));
        } else {
            Scopes.record(scope, new ArgumentsRecord(plan, target, result, args));
        }
    }

    /**
     * Records a one-parameter {@code @Compensate} call that returned normally; nothing when no scope
     * is open. Like {@link #record(CompensatePlan, Object, Object, Object[])}, without an array
     * per call, for weavers that bind arguments one by one.
     *
     * @param plan     the method's plan, already {@linkplain CompensatePlan#check() checked}
     * @param target   the receiver, or {@code null} for a static method
     * @param result   the returned value (boxed), or {@code null}
     * @param argument the call's argument (boxed)
     */
    public static void recordOneArgument(CompensatePlan plan, Object target, Object result, Object argument) {
        Scope scope = Scopes.current();
        if (scope != null) {
            recordOneArgument(scope, plan, target, result, argument);
        }
    }

    /**
     * Records a one-parameter {@code @Compensate} call that returned normally in a scope the caller
     * found open.
     *
     * @param scope    what {@link #recordingScope()} returned, not {@code null}
     * @param plan     the method's plan, already {@linkplain CompensatePlan#check() checked}
     * @param target   the receiver, or {@code null} for a static method
     * @param result   the returned value (boxed), or {@code null}
     * @param argument the call's argument (boxed)
     */
    public static void recordOneArgument(Scope scope, CompensatePlan plan, Object target, Object result, Object argument) {
        if (scope.journal != null) {
            recordDurable(scope, plan, target, result, new Object[] {argument});
        } else {
            Scopes.record(scope, new OneArgumentRecord(plan, target, result, argument));
        }
    }

    /**
     * Records a one-parameter {@code @Compensate} call that returned normally in a scope the caller
     * found open, naming its plan by key: for weavers whose advice after the body cannot get the
     * plan their check before it resolved. The plan is looked up when first needed (a rollback, a
     * listener, a report), so a scope that succeeds never looks it up; in a durable scope at once.
     *
     * @param scope    what {@link #recordingScope()} returned, not {@code null}
     * @param plans    where the plan is found; its {@linkplain CompensatePlan#check() check} already passed
     * @param key      the weaver's key for the method
     * @param target   the receiver, or {@code null} for a static method
     * @param result   the returned value (boxed), or {@code null}
     * @param argument the call's argument (boxed)
     */
    public static void recordOneArgument(Scope scope, PlanSource plans, Object key, Object target, Object result, Object argument) {
        if (scope.journal != null) {
            recordDurable(scope, plans.plan(key), target, result, new Object[] {argument});
        } else {
            Scopes.record(scope, new KeyedRecord.One(plans, key, target, result, argument));
        }
    }

    /**
     * Like {@link #recordOneArgument(Scope, PlanSource, Object, Object, Object, Object)}, for any
     * number of arguments.
     *
     * @param scope  what {@link #recordingScope()} returned, not {@code null}
     * @param plans  where the plan is found; its {@linkplain CompensatePlan#check() check} already passed
     * @param key    the weaver's key for the method
     * @param target the receiver, or {@code null} for a static method
     * @param result the returned value (boxed), or {@code null}
     * @param args   the call's arguments; the array is kept, so pass one nobody else changes
     */
    public static void record(Scope scope, PlanSource plans, Object key, Object target, Object result, Object[] args) {
        if (scope.journal != null) {
            recordDurable(scope, plans.plan(key), target, result, args);
        } else {
            Scopes.record(scope, new KeyedRecord.Many(plans, key, target, result, args));
        }
    }

    /**
     * Records a call in a durable scope with the step its intent was journaled as, journaling the
     * record before the call returns. A call whose intent was not journaled before its body (its body
     * opened the durable scope and left it open, or a weaver without the before-body hook) journals
     * its intent now.
     */
    private static void recordDurable(Scope scope, CompensatePlan plan, Object target, Object result, Object[] args) {
        dev.rollback.spi.JournaledStep step = Journaling.take(plan);
        if (step == null) {
            step = scope.journal.intent(plan.method(), args, plan.priority(), plan.timeoutMillis(), plan.retries());
        }
        Scopes.record(scope, new DurableRecord(plan, target, result, args, step));
    }
}
