package dev.rollback.annotation.processing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Suggests the names a misspelt compensating method was probably meant to be.
 */
final class NearMiss {

    /** Two edits catch a slip or a swapped pair without suggesting unrelated short names. */
    static final int MAX_DISTANCE = 2;

    private NearMiss() {
    }

    /**
     * @param wanted    the name that was not found
     * @param available the names that exist
     * @return {@code ". Did you mean remove?"} (the closest names, alphabetically among equals), or
     *         {@code ""} when none is close
     */
    static String suggestion(String wanted, Collection<String> available) {
        List<String> close = available.stream()
                .filter(name -> distance(wanted, name) <= MAX_DISTANCE)
                .sorted(Comparator.comparingInt((String name) -> distance(wanted, name)).thenComparing(name -> name))
                .collect(Collectors.toList());
        if (close.isEmpty()) {
            return "";
        }
        return ". Did you mean " + String.join(" or ", close) + "?";
    }

    /** @return the Levenshtein distance: insertions, deletions and substitutions, one character each */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
