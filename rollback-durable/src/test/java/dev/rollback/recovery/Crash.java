package dev.rollback.recovery;

import java.util.concurrent.CountDownLatch;

/**
 * Where a child JVM dies: {@code -Dcrash.at=POINT} names the point and {@code -Dcrash.how} how:
 * {@code halt} ({@code Runtime.halt} from inside) or {@code kill} (prints {@code KILL-ME POINT} and
 * waits for the parent's SIGKILL, {@code Process.destroyForcibly()}).
 */
public final class Crash {

    private Crash() {
    }

    public static void at(String point) {
        if (!point.equals(System.getProperty("crash.at"))) {
            return;
        }
        if ("halt".equals(System.getProperty("crash.how"))) {
            Runtime.getRuntime().halt(137);
        }
        System.out.println("KILL-ME " + point);
        System.out.flush();
        try {
            new CountDownLatch(1).await(); // until the parent kills this JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to be killed at " + point, e);
        }
    }
}
