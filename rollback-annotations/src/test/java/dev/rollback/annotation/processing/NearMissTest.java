package dev.rollback.annotation.processing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Near-miss names: at most two edits away, closest first")
class NearMissTest {

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(NearMiss.distance("remove", "remove")).isZero();
        assertThat(NearMiss.distance("remov", "remove")).isEqualTo(1);
        assertThat(NearMiss.distance("closeTab", "closTab")).isEqualTo(1);
        assertThat(NearMiss.distance("stop", "spot")).isEqualTo(2);
        assertThat(NearMiss.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggestsTheClosestNamesFirstAndNothingFarOff() {
        assertThat(NearMiss.suggestion("delte", List.of("deleted", "delete", "restore"))).isEqualTo(". Did you mean delete or deleted?");
        assertThat(NearMiss.suggestion("undo", List.of("restore", "close"))).isEmpty();
    }
}
