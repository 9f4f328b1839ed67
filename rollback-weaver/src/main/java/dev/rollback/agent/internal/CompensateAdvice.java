package dev.rollback.agent.internal;

import dev.rollback.internal.CompensatePlan;
import dev.rollback.internal.Scope;
import dev.rollback.internal.Weaving;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined around a {@code @Compensate} method: checks its configuration before the body on every
 * call ({@link #enter}), and records it after a normal return ({@link Exit}, or {@link OneArgument}
 * for a method with exactly one parameter, which builds no argument array). The plan checked
 * before the body is kept for the record, and the thread-local is read once; the receiver, the
 * boxed result and the arguments are only built inside the {@code if}, so a call with no scope
 * open costs a thread-local read beyond the check.
 */
final class CompensateAdvice {

    private CompensateAdvice() {
    }

    @Advice.OnMethodEnter
    static CompensatePlan enter(@AdvisedResolution Object resolution, @Advice.AllArguments Object[] args) {
        CompensatePlan plan = Dispatch.check(resolution);
        if (Weaving.journaling()) {
            Weaving.intend(plan, args); // the argument array is built here only, in durable scopes
        }
        return plan;
    }

    /** Records a call of a method that does not take exactly one parameter. */
    static final class Exit {

        private Exit() {
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter CompensatePlan plan, @Advice.This(optional = true) Object target,
                         @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
                         @Advice.AllArguments Object[] args, @Advice.Thrown Throwable thrown) {
            Scope scope = Weaving.recordingScope();
            if (scope != null) {
                Dispatch.ended(scope, plan, target, result, args, thrown);
            }
        }
    }

    /** Records a call of a method with exactly one parameter: the argument is bound on its own. */
    static final class OneArgument {

        private OneArgument() {
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter CompensatePlan plan, @Advice.This(optional = true) Object target,
                         @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
                         @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object argument,
                         @Advice.Thrown Throwable thrown) {
            Scope scope = Weaving.recordingScope();
            if (scope != null) {
                Dispatch.endedOne(scope, plan, target, result, argument, thrown);
            }
        }
    }
}
