package org.fellowship.moderation;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short durations as moderators type them ({@code 30s}, {@code 10m}, {@code 2h}, {@code 7d}) and as texts write them. */
final class Durations {
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,6})([smhd])");

    private Durations() {
    }

    /** Parses {@code 10m}; {@code null} when the text is not of that shape. */
    static Duration parse(String text) {
        Matcher m = SHAPE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /**
     * In words, in the largest unit that divides it exactly, as members read it: "30 days", "1 hour", "90 minutes",
     * "45 seconds".
     */
    static String words(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0 && s > 0) {
            return count(s / 86_400, "day");
        }
        if (s % 3_600 == 0 && s > 0) {
            return count(s / 3_600, "hour");
        }
        if (s % 60 == 0 && s > 0) {
            return count(s / 60, "minute");
        }
        return count(s, "second");
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
