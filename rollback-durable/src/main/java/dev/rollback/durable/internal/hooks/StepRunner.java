package dev.rollback.durable.internal.hooks;

import dev.rollback.CompensationConfigurationException;
import dev.rollback.CompensationResult;
import dev.rollback.Outcome;
import dev.rollback.RollbackStateException;
import dev.rollback.annotation.Compensate;
import dev.rollback.durable.InstanceResolver;
import dev.rollback.durable.internal.Descriptors;
import dev.rollback.durable.internal.ScopeState;
import dev.rollback.durable.internal.StepIntent;
import dev.rollback.durable.internal.StepState;
import dev.rollback.durable.internal.codec.ValueCodec;
import dev.rollback.internal.CompensatePlan;
import dev.rollback.internal.CompensationKeys;
import dev.rollback.internal.Weaving;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;

/**
 * Runs one journaled step's compensation (D3, D5, D8): the method is the one the named class itself
 * declares with the journaled name and descriptor, and it must carry {@code @Compensate}; its plan
 * is the engine's (so the compensating method or handler is what the annotation designates); the
 * values are rebuilt only as its declared types say. Retries as the step's {@code retries}; the
 * compensation runs on this thread (its {@code timeoutMillis} is not enforced in recovery).
 */
final class StepRunner {

    private final InstanceResolver resolver;
    private final ClassLoader loader;

    StepRunner(InstanceResolver resolver, ClassLoader loader) {
        this.resolver = resolver;
        this.loader = loader;
    }

    CompensationResult run(ScopeState scope, StepState step) {
        StepIntent intent = step.intent();
        String description = intent.declaringClass() + "." + intent.method() + intent.arguments();
        long start = System.nanoTime();
        Method method;
        CompensatePlan plan;
        Object[] arguments;
        Object result;
        try {
            method = designated(intent);
            plan = Weaving.plan(method);
            plan.check();
            ValueCodec codec = ValueCodec.of(method);
            arguments = codec.decodeArguments(intent.arguments());
            result = resultOf(scope, step, plan, codec, description);
        } catch (RuntimeException | ClassNotFoundException e) {
            return failed(description, intent, 1, start, e); // refused: counted as one attempt that ran nothing
        }
        return attempt(description, intent, step.idempotencyKey(), method, plan, arguments, result, start);
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

    /** @return the method the named class declares with the journaled name and descriptor, carrying {@code @Compensate} */
    private Method designated(StepIntent intent) throws ClassNotFoundException {
        Class<?> type = Class.forName(intent.declaringClass(), false, loader);
        for (Method candidate : type.getDeclaredMethods()) {
            if (candidate.getName().equals(intent.method()) && Descriptors.of(candidate).equals(intent.descriptor())) {
                if (!candidate.isAnnotationPresent(Compensate.class)) {
                    break;
                }
                return candidate;
            }
        }
        throw new CompensationConfigurationException("the journal names " + intent.declaringClass() + "."
                + intent.method() + intent.descriptor() + ", which that class does not declare as a @Compensate method;"
                + " nothing run (D8); accepted: a method the class itself annotates with @Compensate");
    }

    private CompensationResult attempt(String description, StepIntent intent, String key, Method method,
                                       CompensatePlan plan, Object[] arguments, Object result, long start) {
        Throwable failure = null;
        int attempts = 0;
        for (int retry = 0; retry <= Math.max(0, intent.retries()); retry++) {
            attempts++;
            try {
                Object target = Modifier.isStatic(method.getModifiers()) ? null : resolver.instanceOf(method.getDeclaringClass());
                CompensationKeys.runWith(key, () -> plan.compensateRecovered(target, result, arguments));
                return new CompensationResult(description, intent.priority(), Outcome.SUCCEEDED, attempts,
                        Duration.ofNanos(System.nanoTime() - start), null);
            } catch (Throwable thrown) {
                failure = thrown; // reported in the step's result; the scope stays for a later recovery
                if (thrown instanceof VirtualMachineError) {
                    break;
                }
            }
        }
        return failed(description, intent, attempts, start, failure);
    }

    private static CompensationResult failed(String description, StepIntent intent, int attempts, long start,
                                             Throwable error) {
        return new CompensationResult(description, intent.priority(), Outcome.FAILED, attempts,
                Duration.ofNanos(System.nanoTime() - start), error);
    }
}
