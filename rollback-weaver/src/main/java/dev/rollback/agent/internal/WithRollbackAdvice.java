package dev.rollback.agent.internal;

import dev.rollback.internal.Scope;
import dev.rollback.internal.Weaving;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

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

    /**
     * Closes the scope of a method whose declared return type is {@code CompletionStage} or
     * {@code CompletableFuture}: one that returned hands its scope to the stage, and its caller
     * gets the future that completes once the scope has settled.
     */
    static final class Async {

        private Async() {
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Scope scope, @Advice.Thrown Throwable thrown,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
            if (thrown != null) {
                Weaving.exit(scope, thrown);
            } else {
                returned = Weaving.exitAsync(scope, returned);
            }
        }
    }
}
