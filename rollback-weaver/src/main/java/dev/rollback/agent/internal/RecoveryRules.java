package dev.rollback.agent.internal;

import dev.rollback.internal.CompensatePlan;
import dev.rollback.internal.RuleDesignations;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Part of the bridge: tells recovery, in the engine the bridge serves, which methods a compensate
 * rule of the rules file designates and with what plan (D8: recovery runs only what the code, or a
 * rule of the agent's rules file, designates). A JVM that recovers journals written under rules must
 * run under the agent with the same rules file.
 */
final class RecoveryRules {

    private RecoveryRules() {
    }

    /** Called reflectively by the agent's {@link Injector} once the bridge is connected. */
    static void install() {
        RuleDesignations.install(RecoveryRules::plan);
    }

    private static CompensatePlan plan(Method method) {
        String descriptor = MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                .toMethodDescriptorString();
        AdvisedMethods.Entry entry = AdvisedMethods.ruledCompensate(method.getDeclaringClass().getName(),
                method.getName(), descriptor);
        return entry == null ? null : (CompensatePlan) Resolver.resolve(method.getDeclaringClass(), entry);
    }
}
