package dev.rollback.test.internal;

import dev.rollback.Compensation;
import dev.rollback.internal.Weaving;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.annotation.AfterReturning;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.DeclarePrecedence;
import org.aspectj.lang.annotation.Pointcut;
import org.aspectj.lang.reflect.MethodSignature;

import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Sees every compensated call of a kit session as it returns: {@code @Compensate} methods (after
 * Rollback's own aspect has recorded them, hence the precedence: the dominant aspect's after-advice
 * runs last) and calls of {@code Rollback.register}. Outside a session it costs one thread-local read.
 */
@Aspect
@DeclarePrecedence("dev.rollback.test.internal.Tap, *")
public class Tap {

    /** @return whether a kit session is running on this thread */
    @Pointcut("if()")
    public static boolean tapping() {
        return Session.current() != null;
    }

    /** Returning {@code @Compensate} methods. */
    @Pointcut("execution(@dev.rollback.annotation.Compensate * *(..)) && tapping()")
    void compensated() {
        // a pointcut: its body is never run
    }

    /** Registrations with every attribute given, which the shorter overloads delegate to. */
    @Pointcut("call(void dev.rollback.Rollback.register(String, int, java.time.Duration, int, dev.rollback.Compensation))"
            + " && args(description, priority, timeout, retries, compensation) && tapping() && !within(dev.rollback.test.internal..*)")
    void registered(String description, int priority, Duration timeout, int retries, Compensation compensation) {
        // a pointcut: its body is never run
    }

    /** Registrations through the shorter overloads; the tap's own registrations are left out. */
    @Pointcut("call(void dev.rollback.Rollback.register(String, ..)) && !call(void dev.rollback.Rollback.register(String, int,"
            + " java.time.Duration, int, dev.rollback.Compensation)) && tapping() && !within(dev.rollback.test.internal..*)")
    void registeredShort() {
        // a pointcut: its body is never run
    }

    /**
     * @param joinPoint the returning method
     * @param result    what it returned, boxed
     */
    @AfterReturning(pointcut = "compensated()", returning = "result")
    public void afterCompensated(JoinPoint joinPoint, Object result) {
        Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
        Session.current().called(() -> Weaving.record(Weaving.plan(method), joinPoint.getThis(), result, joinPoint.getArgs()));
    }

    /**
     * @param description  as registered
     * @param priority     as registered
     * @param timeout      as registered
     * @param retries      as registered
     * @param compensation as registered
     */
    @AfterReturning(pointcut = "registered(description, priority, timeout, retries, compensation)", argNames =
            "description, priority, timeout, retries, compensation")
    public void afterRegistered(String description, int priority, Duration timeout, int retries, Compensation compensation) {
        Session.current().called(() -> dev.rollback.Rollback.register(description, priority, timeout, retries, compensation));
    }

    /**
     * @param joinPoint the returning registration
     */
    @AfterReturning("registeredShort()")
    public void afterRegisteredShort(JoinPoint joinPoint) {
        Object[] args = joinPoint.getArgs();
        String description = (String) args[0];
        int priority = args.length == 3 ? (Integer) args[1] : 0;
        Compensation compensation = (Compensation) args[args.length - 1];
        Session.current().called(() -> dev.rollback.Rollback.register(description, priority, compensation));
    }
}
