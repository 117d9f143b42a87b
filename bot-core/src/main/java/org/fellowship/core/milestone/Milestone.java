package org.fellowship.core.milestone;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of a milestone ladder: a number of days, calendar months or calendar years.
 *
 * <p><b>Rules</b> (clean time is counted on local dates; the clean date itself is "day 1"):
 * <ul>
 *   <li>{@code N days} falls on day N, that is {@code cleanDate + (N - 1)} days (1 day is the clean date itself).</li>
 *   <li>{@code N months} / {@code N years} fall on the same day of the month as the clean date, N calendar months or
 *       years later, counted from the clean date (never step by step). When that month is shorter, the milestone is
 *       on its last day: a month after 31 January is 28 February (29 in a leap year); a year after 29 February is
 *       28 February; but three months after 31 January is 30 April and four years after 29 February 2024 is
 *       29 February 2028.</li>
 * </ul>
 *
 * @param amount how many units, at least 1
 * @param unit   days, months or years
 */
public record Milestone(int amount, Unit unit) implements Comparable<Milestone> {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,5})\\s*(d|days?|m|months?|y|years?)");

    /** What a milestone counts. */
    public enum Unit { DAYS, MONTHS, YEARS }

    public Milestone {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1 || amount > 36_500) {
            throw new IllegalArgumentException("milestone amount must be 1-36500");
        }
    }

    public static Milestone days(int n) {
        return new Milestone(n, Unit.DAYS);
    }

    public static Milestone months(int n) {
        return new Milestone(n, Unit.MONTHS);
    }

    public static Milestone years(int n) {
        return new Milestone(n, Unit.YEARS);
    }

    /** The local date this milestone falls on for a clean date (see the class rules). */
    public LocalDate dateFrom(LocalDate cleanDate) {
        return switch (unit) {
            case DAYS -> cleanDate.plusDays(amount - 1L);
            case MONTHS -> cleanDate.plusMonths(amount);
            case YEARS -> cleanDate.plusYears(amount);
        };
    }

    /** Short stable key, e.g. {@code 30d}, {@code 6m}, {@code 2y}; used in idempotency keys and storage. */
    public String key() {
        return amount + switch (unit) {
            case DAYS -> "d";
            case MONTHS -> "m";
            case YEARS -> "y";
        };
    }

    /** Parses a key or a friendly form ({@code 30d}, {@code 30 days}, {@code 6m}, {@code 1 year}). */
    public static Milestone parse(String text) {
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a milestone: expected e.g. 30d, 6m or 1y");
        }
        int n = Integer.parseInt(m.group(1));
        Unit unit = switch (m.group(2).charAt(0)) {
            case 'd' -> Unit.DAYS;
            case 'm' -> Unit.MONTHS;
            default -> Unit.YEARS;
        };
        return new Milestone(n, unit);
    }

    /** For people: "1 day", "30 days", "6 months", "1 year", "18 months". */
    public String describe() {
        String word = switch (unit) {
            case DAYS -> "day";
            case MONTHS -> "month";
            case YEARS -> "year";
        };
        return amount + " " + word + (amount == 1 ? "" : "s");
    }

    /** Orders by typical length (days, then months, then years, as 30.44 and 365.25 days), then by key. */
    @Override
    public int compareTo(Milestone other) {
        int byLength = Double.compare(approxDays(), other.approxDays());
        return byLength != 0 ? byLength : key().compareTo(other.key());
    }

    private double approxDays() {
        return switch (unit) {
            case DAYS -> amount - 1;
            case MONTHS -> amount * 30.44;
            case YEARS -> amount * 365.25;
        };
    }
}
