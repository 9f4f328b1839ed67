package dev.rollback.it.lib;

import java.util.ArrayList;
import java.util.List;

/** A third-party library's resource: reservations in a ledger. It carries no annotation and depends on nothing. */
public final class Ledger {

    private final List<String> reserved = new ArrayList<>();

    /**
     * @param item what to reserve
     * @return the reservation
     */
    public synchronized String reserve(String item) {
        reserved.add(item);
        return item;
    }

    /** @param item a reservation to give back */
    public synchronized void release(String item) {
        reserved.remove(item);
    }

    /** @return the reservations held */
    public synchronized List<String> reserved() {
        return List.copyOf(reserved);
    }
}
