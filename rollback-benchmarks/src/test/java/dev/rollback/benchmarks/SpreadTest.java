package dev.rollback.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpreadTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValueWhateverTheRoundOrder() {
        Spread spread = Spread.of(List.of(1.30, 1.10, 1.20, 1.25, 1.15));

        assertThat(spread.median()).isEqualTo(1.20);
        assertThat(spread.min()).isEqualTo(1.10);
        assertThat(spread.max()).isEqualTo(1.30);
        assertThat(spread.values()).as("kept in round order").containsExactly(1.30, 1.10, 1.20, 1.25, 1.15);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
        assertThat(Spread.medianOf(List.of(0.0, 0.0, 8.0))).isZero();
    }

    @Test
    void theSpreadIsTheLowestAndHighestRoundsDistanceFromTheMedianInPercent() {
        Spread spread = Spread.of(List.of(0.95, 1.00, 1.10));

        assertThat(spread.belowPercent()).isCloseTo(-5.0, within(1e-9));
        assertThat(spread.abovePercent()).isCloseTo(10.0, within(1e-9));
        assertThat(spread.madPercent()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void aRatioIsStableWhenEveryRoundLiesWithinFivePercentOfTheMedianEitherWay() {
        assertThat(Spread.of(List.of(0.95, 1.00, 1.05)).stability()).isEqualTo("stable");
        assertThat(Spread.of(List.of(0.949, 1.00, 1.00)).stability()).isEqualTo("unstable");
        assertThat(Spread.of(List.of(1.00, 1.00, 1.051)).stability()).isEqualTo("unstable");
    }

    @Test
    void fewerThanThreeRoundsAreNotRated() {
        assertThat(Spread.of(List.of(1.0)).stability()).isEqualTo("unrated");
        assertThat(Spread.of(List.of(1.0, 2.0)).stability()).isEqualTo("unrated");
    }

    @Test
    void describesMedianSpreadStabilityAndEveryRound() {
        assertThat(Spread.of(List.of(1.25, 1.18, 1.21, 1.20, 1.23)).describe())
                .isEqualTo("1.21 -2.5% +3.3% stable (5 rounds: 1.250 1.180 1.210 1.200 1.230)");
        assertThat(Spread.of(List.of(2.0)).describe()).isEqualTo("2.00 +0.0% +0.0% unrated (1 round: 2.000)");
    }

    @Test
    void refusesNoValuesAndValuesThatCannotBeRatiosOrTimes() {
        assertThatThrownBy(() -> Spread.of(List.of())).hasMessage("no values; accepted: one per round, at least one");
        assertThatThrownBy(() -> Spread.of(List.of(1.0, 0.0)))
                .hasMessage("value 0.0 in [1.0, 0.0]; accepted: positive finite numbers");
        assertThatThrownBy(() -> Spread.of(List.of(Double.NaN)))
                .hasMessage("value NaN in [NaN]; accepted: positive finite numbers");
        assertThatThrownBy(() -> Spread.of(List.of(Double.POSITIVE_INFINITY)))
                .hasMessage("value Infinity in [Infinity]; accepted: positive finite numbers");
    }
}
