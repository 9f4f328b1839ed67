package dev.rollback.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundRobinTest {

    private static final List<String> VARIANTS = List.of("handwritten", "ajc", "agent");

    @Test
    void rotatesTheOrderByOnePlacePerRound() {
        assertThat(RoundRobin.order(VARIANTS, 0)).containsExactly("handwritten", "ajc", "agent");
        assertThat(RoundRobin.order(VARIANTS, 1)).containsExactly("ajc", "agent", "handwritten");
        assertThat(RoundRobin.order(VARIANTS, 2)).containsExactly("agent", "handwritten", "ajc");
        assertThat(RoundRobin.order(VARIANTS, 3)).containsExactly("handwritten", "ajc", "agent");
    }

    @Test
    void overAsManyRoundsAsVariantsEachVariantRunsOnceInEveryPosition() {
        List<String> variants = List.of("handwritten", "limit", "ajc", "agent", "programmatic", "spring");
        for (int position = 0; position < variants.size(); position++) {
            List<String> atPosition = new ArrayList<>();
            for (int round = 0; round < variants.size(); round++) {
                atPosition.add(RoundRobin.order(variants, round).get(position));
            }
            assertThat(atPosition).as("position " + position).containsExactlyInAnyOrderElementsOf(variants);
        }
    }

    @Test
    void refusesANegativeRound() {
        assertThatThrownBy(() -> RoundRobin.order(VARIANTS, -1)).hasMessage("round -1; accepted: 0 or more");
    }
}
