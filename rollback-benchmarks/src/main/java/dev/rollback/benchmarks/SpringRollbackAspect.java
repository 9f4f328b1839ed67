package dev.rollback.benchmarks;

import dev.rollback.internal.CompensatePlan;
import dev.rollback.internal.Scope;
import dev.rollback.internal.Weaving;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * The proxy-based competitor: what a Spring user would write for the same annotations, an
 * {@code @Around} aspect per annotation calling the same engine as Rollback's own weavers. The
 * policy and plan are cached per method by the engine, as for the other weavers.
 */
@Aspect
public class SpringRollbackAspect {

    /**
     * @param call the {@code @WithRollback} method's call
     * @return what it returned
     * @throws Throwable what it threw, after the scope rolled back
     */
    @Around("execution(@dev.rollback.annotation.WithRollback * *(..))")
    public Object scope(ProceedingJoinPoint call) throws Throwable {
        Scope scope = Weaving.enter(Weaving.policy(((MethodSignature) call.getSignature()).getMethod()));
        Object result;
        try {
            result = call.proceed();
        } catch (Throwable thrown) {
            Weaving.exit(scope, thrown);
            throw thrown;
        }
        Weaving.exit(scope, null);
        return result;
    }

    /**
     * @param call the {@code @Compensate} method's call
     * @return what it returned
     * @throws Throwable what it threw; nothing is recorded then
     */
    @Around("execution(@dev.rollback.annotation.Compensate * *(..))")
    public Object compensate(ProceedingJoinPoint call) throws Throwable {
        CompensatePlan plan = Weaving.plan(((MethodSignature) call.getSignature()).getMethod());
        plan.check();
        Object[] args = call.getArgs();
        Object result = call.proceed();
        if (Weaving.recording()) {
            Weaving.record(plan, call.getTarget(), result, args);
        }
        return result;
    }
}
