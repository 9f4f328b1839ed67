package dev.rollback.durable.internal.hooks;

import dev.rollback.CompensationConfigurationException;
import dev.rollback.RollbackStateException;
import dev.rollback.annotation.Compensate;
import dev.rollback.durable.InstanceResolver;
import dev.rollback.durable.internal.Claim;
import dev.rollback.durable.internal.Descriptors;
import dev.rollback.durable.internal.ScopeState;
import dev.rollback.durable.internal.StepIntent;
import dev.rollback.durable.internal.StepState;
import dev.rollback.durable.internal.codec.ValueCodec;
import dev.rollback.internal.CompensatePlan;
import dev.rollback.internal.RecoveredRollback;
import dev.rollback.internal.RuleDesignations;
import dev.rollback.internal.Weaving;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Prepares one journaled step's compensation for the engine's rollback run (D3, D5, D8): the method
 * is the one the named class itself declares with the journaled name and descriptor, and it must
 * carry {@code @Compensate} or be designated by a compensate rule of the agent's rules file (this
 * JVM then runs under the agent with that rules file); its plan is the engine's (so the compensating
 * method or handler is what the annotation or the rule designates); the values are rebuilt only as
 * its declared types say. The engine then
 * runs it as a live rollback would: the step's {@code retries}, its {@code timeoutMillis} per attempt,
 * its success journaled before the next step starts. A step that is refused or in doubt becomes a
 * step that fails at once, without retries, having run nothing.
 */
final class StepRunner {

    private final InstanceResolver resolver;
    private final ClassLoader loader;

    StepRunner(InstanceResolver resolver, ClassLoader loader) {
        this.resolver = resolver;
        this.loader = loader;
    }

    RecoveredRollback.Step prepare(ScopeState scope, StepState step, Claim claim) {
        StepIntent intent = step.intent();
        String journaled = intent.declaringClass() + "." + intent.method() + intent.arguments();
        Runnable journalSuccess = () -> claim.compensated(step.key());
        try {
            Method method = declared(intent);
            CompensatePlan plan = designated(method, intent);
            plan.check();
            ValueCodec codec = ValueCodec.of(method);
            Object[] arguments = codec.decodeArguments(intent.arguments());
            Object result = resultOf(scope, step, plan, codec, journaled);
            return new RecoveredRollback.Step(RecoveredRollback.description(plan, arguments), intent.priority(),
                    Math.max(0, intent.timeoutMillis()), Math.max(0, intent.retries()), step.idempotencyKey(),
                    () -> compensate(method, plan, result, arguments), journalSuccess);
        } catch (RuntimeException | ClassNotFoundException e) {
            // refused: one attempt that runs nothing but reports why, kept for a later recovery
            return new RecoveredRollback.Step(journaled, intent.priority(), 0, 0, step.idempotencyKey(), () -> {
                throw e;
            }, journalSuccess);
        }
    }

    private void compensate(Method method, CompensatePlan plan, Object result, Object[] arguments) throws Throwable {
        Object target = Modifier.isStatic(method.getModifiers()) ? null : resolver.instanceOf(method.getDeclaringClass());
        plan.compensateRecovered(target, result, arguments);
    }

    private static Object resultOf(ScopeState scope, StepState step, CompensatePlan plan, ValueCodec codec,
                                   String description) {
        if (step.status() == StepState.Status.RECORDED) {
            return codec.decodeResult(step.encodedResult().orElseThrow());
        }
        if (!plan.bindsWithoutResult()) {
            throw new RollbackStateException("step " + step.key() + " (" + description + ") of scope '" + scope.operation()
                    + "' is in doubt: its process died inside the call, so there is no result, and its compensation"
                    + " needs one; not run, kept in the journal; accepted: a compensating method that takes the"
                    + " arguments alone or nothing (D3), or undo it by hand");
        }
        return null;
    }

    /** @return the method the named class itself declares with the journaled name and descriptor */
    private Method declared(StepIntent intent) throws ClassNotFoundException {
        Class<?> type = Class.forName(intent.declaringClass(), false, loader); // loading it lets the agent see it
        for (Method candidate : type.getDeclaredMethods()) {
            if (candidate.getName().equals(intent.method()) && Descriptors.of(candidate).equals(intent.descriptor())) {
                return candidate;
            }
        }
        throw notDesignated(intent);
    }

    /** @return the plan of the method's own {@code @Compensate}, else of the agent's compensate rule for it */
    private static CompensatePlan designated(Method method, StepIntent intent) {
        if (method.isAnnotationPresent(Compensate.class)) {
            return Weaving.plan(method);
        }
        return RuleDesignations.plan(method).orElseThrow(() -> notDesignated(intent));
    }

    private static CompensationConfigurationException notDesignated(StepIntent intent) {
        return new CompensationConfigurationException("the journal names " + intent.declaringClass() + "."
                + intent.method() + intent.descriptor() + ", which that class does not declare as a @Compensate method"
                + " and no compensate rule of the agent's rules file designates; nothing run (D8); accepted: a method"
                + " the class itself annotates with @Compensate, or one a compensate rule designates (recover under"
                + " the agent with the same rules file)");
    }
}
