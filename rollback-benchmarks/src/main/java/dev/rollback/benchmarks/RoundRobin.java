package dev.rollback.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a round runs a scenario's variants: the list rotated by one place per round,
 * so that over as many rounds as there are variants each variant runs once in every position, and
 * none always follows the same neighbour into a warmer or a colder machine.
 */
final class RoundRobin {

    private RoundRobin() {
    }

    /**
     * @param variants the variants, in their listed order
     * @param round    the round, from 0
     * @return the variants in the order round {@code round} runs them
     * @throws IllegalArgumentException when {@code round} is negative
     */
    static <T> List<T> order(List<T> variants, int round) {
        if (round < 0) {
            throw new IllegalArgumentException("round " + round + "; accepted: 0 or more");
        }
        List<T> order = new ArrayList<>(variants.size());
        for (int i = 0; i < variants.size(); i++) {
            order.add(variants.get((i + round) % variants.size()));
        }
        return order;
    }
}
