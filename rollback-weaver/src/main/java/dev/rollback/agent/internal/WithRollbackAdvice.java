package dev.rollback.agent.internal;

import dev.rollback.internal.Scope;
import dev.rollback.internal.Weaving;
import net.bytebuddy.asm.Advice;

/**
 * Inlined around a {@code @WithRollback} method. The scope travels from enter to exit on the
 * stack; an exception thrown while entering leaves before the method's try region, so it is never
 * taken for a failure of the body.
 */
final class WithRollbackAdvice {

    private WithRollbackAdvice() {
    }

    @Advice.OnMethodEnter
    static Scope enter(@AdvisedResolution Object resolution) {
        return Dispatch.enter(resolution);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Scope scope, @Advice.Thrown Throwable thrown) {
        Weaving.exit(scope, thrown);
    }
}
