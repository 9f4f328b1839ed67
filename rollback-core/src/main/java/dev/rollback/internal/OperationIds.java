package dev.rollback.internal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Operation ids: a random tag drawn once per JVM, then a counter. Unique within the JVM, and
 * unlikely to collide across runs that share a log or a journal; cheap enough to draw lazily.
 */
final class OperationIds {

    private static final String TAG = tag();
    private static final AtomicLong COUNTER = new AtomicLong();

    private OperationIds() {
    }

    static String next() {
        return TAG + '-' + COUNTER.incrementAndGet();
    }

    private static String tag() {
        long bits = new SecureRandom().nextLong() & 0xFF_FFFF_FFFFL;
        String text = Long.toString(bits, 36);
        return "0".repeat(Math.max(0, 8 - text.length())) + text;
    }
}
