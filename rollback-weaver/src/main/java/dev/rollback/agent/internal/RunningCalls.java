package dev.rollback.agent.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The advised methods that were already running on the installing thread when the agent attached:
 * retransformation changes their next calls, never a call in progress, so these calls finish without
 * rollback. Said, rather than left for someone to find out from a resource left behind.
 */
final class RunningCalls {

    private RunningCalls() {
    }

    static void warnAboutAdvisedMethodsOnThisStack(AgentLog log) {
        List<String> running = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> {
            List<String> found = new ArrayList<>();
            frames.forEach(frame -> {
                if (AdvisedMethods.advised(frame.getDeclaringClass().getName(), frame.getMethodName(), frame.getDescriptor())) {
                    found.add(frame.getClassName() + '.' + frame.getMethodName() + frame.getDescriptor());
                }
            });
            return found;
        });
        for (String method : running) {
            log.warn(method + " was running when the agent attached: this call of it runs without rollback;"
                    + " its later calls are advised");
        }
    }
}
