package org.fellowship.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Edit distance and "did you mean" suggestions for commands and time zones. */
public final class Similarity {
    private Similarity() {
    }

    /** Levenshtein distance, case-insensitive, stopping early once it exceeds {@code max}. */
    public static int distance(String a, String b, int max) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return bounded(x, y, max, new int[y.length() + 1], new int[y.length() + 1]);
    }

    /**
     * Up to {@code limit} candidates within {@code maxDistance} of {@code input}, closest first, then alphabetical.
     * Case-insensitive for the input; candidates are expected in lower case (command names, zone lookup keys), so
     * a hot path does not lower-case hundreds of candidates per call.
     */
    public static List<String> closest(String input, Collection<String> candidates, int maxDistance, int limit) {
        String lower = input.toLowerCase(Locale.ROOT);
        // Two rows reused for every candidate: the fuzzy search runs on member typos, so it must not churn memory.
        int width = candidates.stream().mapToInt(String::length).max().orElse(0) + 1;
        int[] prev = new int[width];
        int[] cur = new int[width];
        List<Map.Entry<String, Integer>> near = new ArrayList<>();
        for (String candidate : candidates) {
            int d = bounded(lower, candidate, maxDistance, prev, cur);
            if (d <= maxDistance) {
                near.add(Map.entry(candidate, d));
            }
        }
        near.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        return near.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    /** Case-sensitive bounded Levenshtein distance; {@code max + 1} once it exceeds {@code max}. */
    private static int bounded(String x, String y, int max, int[] prev, int[] cur) {
        if (Math.abs(x.length() - y.length()) > max) {
            return max + 1;
        }
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            int rowMin = i;
            char xc = x.charAt(i - 1);
            for (int j = 1; j <= y.length(); j++) {
                int cost = xc == y.charAt(j - 1) ? 0 : 1;
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
}
