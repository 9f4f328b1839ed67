package dev.rollback.aspectj;

import dev.rollback.internal.Scope;
import dev.rollback.internal.ScopePolicy;
import dev.rollback.internal.Weaving;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.annotation.AfterReturning;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.AfterThrowing;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Before;
import org.aspectj.lang.annotation.DeclarePrecedence;
import org.aspectj.lang.annotation.Pointcut;

/**
 * Applies {@code @WithRollback}: opens a scope before the method's body and closes it as the
 * method leaves. Before/after advice rather than around advice, because annotation-style around
 * advice builds a join point and a closure on every call, and these need neither.
 *
 * <p>The advice is declared in this order on purpose: within one aspect, after advice declared
 * later takes precedence, so {@code open} runs outermost (a failure to open is not taken for a
 * failure of the body), then {@code close}, then {@code rollBack} innermost.
 */
@Aspect
@DeclarePrecedence("dev.rollback.aspectj.CompensateAspect, dev.rollback.aspectj.WithRollbackAspect")
public class WithRollbackAspect {

    private static final JoinPointTable<ScopePolicy> POLICIES = new JoinPointTable<>(Weaving::policy);

    /** Creates the aspect; AspectJ does, once (a singleton aspect). */
    public WithRollbackAspect() {
        super();
    }

    /** Methods annotated {@code @WithRollback}, and the public methods of types annotated with it. */
    @Pointcut("execution(@dev.rollback.annotation.WithRollback * *(..))"
            + " || execution(public !@dev.rollback.annotation.WithRollback * (@dev.rollback.annotation.WithRollback *).*(..))")
    void annotated() {
        // a pointcut: its body is never run
    }

    /** Methods whose declared return type lets the scope follow the work past the return (semantics C5). */
    @Pointcut("execution(java.util.concurrent.CompletionStage *(..)) || execution(java.util.concurrent.CompletableFuture *(..))")
    void returnsStage() {
        // a pointcut: its body is never run
    }

    /** Orchestrators whose scope closes as they leave. */
    @Pointcut("annotated() && !returnsStage()")
    void orchestrator() {
        // a pointcut: its body is never run
    }

    /** Orchestrators whose scope follows the stage they return. */
    @Pointcut("annotated() && returnsStage()")
    void asyncOrchestrator() {
        // a pointcut: its body is never run
    }

    /**
     * Runs an orchestrator that returns a stage: around advice, because the caller must get, in place
     * of the stage, the future that completes once the scope has settled. Its cost (a join point per
     * call) is small beside the asynchronous work it follows.
     *
     * @param joinPoint the call
     * @return the caller's future
     * @throws Throwable what the method threw, after its scope rolled back
     */
    @Around("asyncOrchestrator()")
    public Object async(ProceedingJoinPoint joinPoint) throws Throwable {
        Scope scope = Weaving.enter(POLICIES.get(joinPoint.getStaticPart()));
        Object returned;
        try {
            returned = joinPoint.proceed();
        } catch (Throwable thrown) {
            Weaving.exit(scope, thrown);
            throw thrown;
        }
        return Weaving.exitAsync(scope, returned);
    }

    /**
     * Closes the scope of a method that threw, rolling it back when its rules say so.
     *
     * @param thrown what leaves the method
     */
    @AfterThrowing(pointcut = "orchestrator()", throwing = "thrown")
    public void rollBack(Throwable thrown) {
        Weaving.exit(thrown);
    }

    /** Closes the scope of a method that returned. */
    @AfterReturning("orchestrator()")
    public void close() {
        Weaving.exit(null);
    }

    /**
     * Opens the scope of a method about to run.
     *
     * @param joinPoint the method, as AspectJ's constant static part
     */
    @Before("orchestrator()")
    public void open(JoinPoint.StaticPart joinPoint) {
        Weaving.enter(POLICIES.get(joinPoint));
    }
}
