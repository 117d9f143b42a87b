package org.fellowship.core.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Edit distance and "did you mean" suggestions for commands and time zones. */
public final class Similarity {
    private Similarity() {
    }

    /** Levenshtein distance, case-insensitive, stopping early once it exceeds {@code max}. */
    public static int distance(String a, String b, int max) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        if (Math.abs(x.length() - y.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }

    /** Up to {@code limit} candidates within {@code maxDistance} of {@code input}, closest first, then alphabetical. */
    public static List<String> closest(String input, Collection<String> candidates, int maxDistance, int limit) {
        record Scored(String value, int distance) {
        }
        return candidates.stream()
                .map(c -> new Scored(c, distance(input, c, maxDistance)))
                .filter(s -> s.distance <= maxDistance)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::value))
                .limit(limit)
                .map(Scored::value)
                .toList();
    }
}
