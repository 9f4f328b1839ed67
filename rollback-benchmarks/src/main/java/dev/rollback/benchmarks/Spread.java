package dev.rollback.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Per-round ratios summarised: their median, and how far the lowest and the highest round lie from
 * it. A ratio is stable when every round lies within {@link #STABLE_WITHIN} of the median; with fewer
 * than {@link #RATED_FROM} rounds its stability is not rated.
 *
 * @param median the median of the rounds' values
 * @param min    the lowest
 * @param max    the highest
 * @param values every round's value, in round order
 */
record Spread(double median, double min, double max, List<Double> values) {

    /** Rounds within 5% of the median, either way: the bar for a ratio that holds. */
    static final double STABLE_WITHIN = 0.05;
    /** Fewer rounds say nothing about spread. */
    static final int RATED_FROM = 3;
    private static final double ROUNDING = 1e-9;

    /**
     * @param values every round's value, in round order
     * @return their median and extremes
     * @throws IllegalArgumentException when there is no value, or one is not a positive finite number
     */
    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values; accepted: one per round, at least one");
        }
        for (double value : values) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("value " + value + " in " + values + "; accepted: positive finite numbers");
            }
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new Spread(median(sorted), sorted.get(0), sorted.get(sorted.size() - 1), List.copyOf(values));
    }

    /**
     * @param values any numbers, at least one
     * @return their median (of an even count, the mean of the middle two)
     */
    static double medianOf(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values; accepted: at least one");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return median(sorted);
    }

    private static double median(List<Double> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** @return how far below the median the lowest round lies, in percent (0 or negative) */
    double belowPercent() {
        return 100 * (min / median - 1);
    }

    /** @return how far above the median the highest round lies, in percent (0 or positive) */
    double abovePercent() {
        return 100 * (max / median - 1);
    }

    /** @return the median absolute deviation over the median, in percent */
    double madPercent() {
        return 100 * medianOf(values.stream().map(v -> Math.abs(v - median)).toList()) / median;
    }

    /** @return {@code stable}, {@code unstable}, or {@code unrated} (fewer than {@link #RATED_FROM} rounds) */
    String stability() {
        if (values.size() < RATED_FROM) {
            return "unrated";
        }
        boolean within = max <= median * (1 + STABLE_WITHIN) + ROUNDING && min >= median * (1 - STABLE_WITHIN) - ROUNDING;
        return within ? "stable" : "unstable";
    }

    /** @return e.g. {@code 1.21 -2.5% +3.3% stable (5 rounds: 1.18 1.20 1.21 1.23 1.25)} */
    String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.2f %+.1f%% %+.1f%% %s (%d round%s:",
                median, belowPercent(), abovePercent(), stability(), values.size(), values.size() == 1 ? "" : "s"));
        values.forEach(v -> text.append(String.format(Locale.ROOT, " %.3f", v)));
        return text.append(')').toString();
    }
}
