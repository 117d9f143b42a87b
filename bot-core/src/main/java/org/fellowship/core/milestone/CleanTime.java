package org.fellowship.core.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Clean time on a given local day.
 *
 * <p><b>Counting convention:</b> the clean date itself is <em>day 1</em>; the day after is day 2. So
 * {@code days = (today - cleanDate) + 1}. The calendar part ({@code years}, {@code months}, {@code remainingDays})
 * follows the same month rule as the milestones ({@link Milestone}): the whole months are the largest {@code k}
 * whose month milestone ({@code cleanDate} plus {@code k} calendar months, clamped to the month's last day) is not
 * after today, and the remaining days count from that date. So on the clean date it is 0 years, 0 months, 0 days;
 * on the day of the 1-year milestone it is exactly 1 year (day 366 or 367); and for a clean date of 31 January it is
 * exactly 1 month on 28 February (where {@link java.time.Period#between} would say 28 days).
 *
 * @param days          the day number, at least 1
 * @param years         whole calendar years
 * @param months        whole calendar months after the years
 * @param remainingDays days after the years and months
 */
record CleanTime(long days, int years, int months, int remainingDays) {

    /** Clean time on local date {@code today}; {@code cleanDate} must not be after it. */
    public static CleanTime on(LocalDate cleanDate, LocalDate today) {
        if (cleanDate.isAfter(today)) {
            throw new IllegalArgumentException("clean date is after today");
        }
        long months = (today.getYear() - cleanDate.getYear()) * 12L + today.getMonthValue() - cleanDate.getMonthValue();
        if (cleanDate.plusMonths(months).isAfter(today)) {
            months--;
        }
        int rest = (int) ChronoUnit.DAYS.between(cleanDate.plusMonths(months), today);
        return new CleanTime(ChronoUnit.DAYS.between(cleanDate, today) + 1, (int) (months / 12), (int) (months % 12),
                rest);
    }

    /** The member's local date at {@code now} in {@code zone}. */
    public static LocalDate today(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone);
    }

    /**
     * "day 724 (1 year, 11 months)": the day number (the clean date is day 1) and, from the first whole month on, the
     * whole calendar months and years. Days are only ever the day number, so a line never shows two day counts that
     * differ by one ("day 30 (29 days)"). {@link #CONVENTION} says so to members.
     */
    public String describe() {
        StringBuilder calendar = new StringBuilder();
        append(calendar, years, "year");
        append(calendar, months, "month");
        return calendar.length() == 0 ? "day " + days : "day " + days + " (" + calendar + ")";
    }

    /** The counting convention in words, for {@code /help cleantime}. */
    public static final String CONVENTION = "your clean date is day 1; months and years count by the calendar";

    private static void append(StringBuilder sb, int n, String word) {
        if (n == 0) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(n).append(' ').append(word).append(n == 1 ? "" : "s");
    }
}
