package dev.rollback.agent.internal;

import dev.rollback.internal.Weaving;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined around a {@code @Compensate} method: checks its configuration before the body on every
 * call, and records it after a normal return. The receiver, the boxed result and the argument
 * array are only built inside the {@code if}, so a call with no scope open costs a thread-local
 * read beyond the check.
 */
final class CompensateAdvice {

    private CompensateAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Origin Class<?> type, @AdvisedMethodIndex int index, @AdvisedMethodId int id) {
        Dispatch.check(type, index, id);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Origin Class<?> type, @AdvisedMethodIndex int index, @AdvisedMethodId int id,
                     @Advice.This(optional = true) Object target,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
                     @Advice.AllArguments Object[] args) {
        if (Weaving.recording()) {
            Dispatch.record(type, index, id, target, result, args);
        }
    }
}
