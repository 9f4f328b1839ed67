package dev.rollback.aspectj;

import dev.rollback.internal.CompensatePlan;
import dev.rollback.internal.Weaving;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.annotation.AfterReturning;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Before;
import org.aspectj.lang.annotation.Pointcut;

/**
 * Applies {@code @Compensate}: checks the method's configuration before its body (on every call,
 * scope or not), and records the compensation after it returns, when a scope is open. The
 * {@code if()} guard means that without a scope no join point object is ever built.
 */
@Aspect
public class CompensateAspect {

    private static final JoinPointTable<CompensatePlan> PLANS = new JoinPointTable<>(Weaving::plan);

    /** Methods annotated {@code @Compensate}. */
    @Pointcut("execution(@dev.rollback.annotation.Compensate * *(..))")
    void compensated() {
        // a pointcut: its body is never run
    }

    /**
     * @return whether a scope is open, so that the call must be recorded
     */
    @Pointcut("compensated() && if()")
    public static boolean recorded() {
        return Weaving.recording();
    }

    /**
     * @param joinPoint the method, as AspectJ's constant static part
     */
    @Before("compensated()")
    public void check(JoinPoint.StaticPart joinPoint) {
        PLANS.get(joinPoint).check();
    }

    /**
     * @param joinPoint the call
     * @param result    what it returned
     */
    @AfterReturning(pointcut = "recorded()", returning = "result")
    public void record(JoinPoint joinPoint, Object result) {
        Weaving.record(PLANS.get(joinPoint.getStaticPart()), joinPoint.getThis(), result, joinPoint.getArgs());
    }
}
