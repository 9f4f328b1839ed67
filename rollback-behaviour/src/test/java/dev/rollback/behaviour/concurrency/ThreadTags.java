package dev.rollback.behaviour.concurrency;

import java.util.concurrent.atomic.AtomicInteger;

/** A short tag unique to each thread, for checking the order of one thread's records. */
final class ThreadTags {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ThreadLocal<String> TAG = ThreadLocal.withInitial(() -> "t" + NEXT.incrementAndGet());

    private ThreadTags() {
    }

    static String current() {
        return TAG.get();
    }
}
