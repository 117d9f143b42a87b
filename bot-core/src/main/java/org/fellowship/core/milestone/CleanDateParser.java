package org.fellowship.core.milestone;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates members type: ISO {@code 2024-03-15}, {@code 15 March 2024}, {@code March 15, 2024},
 * {@code 15 Mar 2024}, {@code 15th March 2024}, and numeric day/month forms only when they cannot be misread
 * ({@code 15/03/2024} or {@code 03/15/2024}: one part is above 12; {@code 04/04/2024}: both are the same).
 * {@code 03/04/2024} is refused as ambiguous. Also {@code today} and {@code yesterday}.
 *
 * <p>Stateless and thread-safe. Problems are {@link Problem} exceptions with a one-line message for the member.
 */
final class CleanDateParser {
    /** The earliest clean date accepted. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]+)\\.?,?\\s+(\\d{4})");
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Month m : Month.values()) {
            String full = m.name().toLowerCase(Locale.ROOT);
            MONTHS.put(full, m);
            MONTHS.put(full.substring(0, 3), m);
        }
        MONTHS.put("sept", Month.SEPTEMBER);
    }

    /** The input is not a usable clean date; the message is shown to the member as-is. */
    public static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Parses and checks a clean date.
     *
     * @param text  what the member typed
     * @param today the member's local date (a clean date may be today, never later)
     * @throws Problem for nonsense, ambiguous, impossible, future or pre-1900 dates
     */
    public LocalDate parse(String text, LocalDate today) {
        LocalDate date = read(text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), today);
        if (date.isAfter(today)) {
            throw new Problem("That date is in the future. Your clean date is the first day of your clean time, "
                    + "today at the latest.");
        }
        if (date.isBefore(EARLIEST)) {
            throw new Problem("Clean dates before 1900 aren't accepted. Please check the year.");
        }
        return date;
    }

    /** Whether the text looks like a date attempt (so a first word is not taken as a label). */
    static boolean looksLikeDate(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.equals("today") || t.equals("yesterday") || t.matches(".*\\d.*")
                || MONTHS.containsKey(t.replaceAll("[.,]$", ""));
    }

    private LocalDate read(String t, LocalDate today) {
        if (t.equals("today")) {
            return today;
        }
        if (t.equals("yesterday")) {
            return today.minusDays(1);
        }
        Matcher m = ISO.matcher(t);
        if (m.matches()) {
            return of(num(m, 1), num(m, 2), num(m, 3));
        }
        m = NUMERIC.matcher(t);
        if (m.matches()) {
            int a = num(m, 1);
            int b = num(m, 2);
            int year = num(m, 3);
            if (a <= 12 && b <= 12 && a != b) {
                throw new Problem("\"" + t + "\" could be " + a + " " + monthName(b) + " or " + b + " "
                        + monthName(a) + ". Please write it like 2024-03-15 or 15 March 2024.");
            }
            return a > 12 ? of(year, b, a) : of(year, a, b);
        }
        m = DAY_MONTH_YEAR.matcher(t);
        if (m.matches()) {
            return of(num(m, 3), month(m.group(2)), num(m, 1));
        }
        m = MONTH_DAY_YEAR.matcher(t);
        if (m.matches()) {
            return of(num(m, 3), month(m.group(1)), num(m, 2));
        }
        throw new Problem("I couldn't read that as a date. Please write it like 2024-03-15 or 15 March 2024.");
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int month(String name) {
        Month month = MONTHS.get(name);
        if (month == null) {
            throw new Problem("I don't know the month \"" + (name.length() > 12 ? name.substring(0, 12) : name)
                    + "\". Please write it like 2024-03-15 or 15 March 2024.");
        }
        return month.getValue();
    }

    private static String monthName(int month) {
        String n = Month.of(month).name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    private static LocalDate of(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new Problem("That date doesn't exist. Please check the day and month, e.g. 2024-03-15.");
        }
    }
}
