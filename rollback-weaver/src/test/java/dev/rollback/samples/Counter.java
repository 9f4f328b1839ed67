package dev.rollback.samples;

import java.util.concurrent.atomic.AtomicInteger;

/** Loaded once, by the application class loader: the throwaway classes count their compensations here. */
public final class Counter {

    public static final AtomicInteger COMPENSATED = new AtomicInteger();

    private Counter() {
    }
}
