package org.fellowship.core.command;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time of day as members type it: 24-hour {@code H:MM} or {@code HH:MM}, from 0:00 to 23:59. */
public final class ClockTime {
    private static final Pattern FORM = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private ClockTime() {
    }

    /** The time, or empty when the stripped text is not such a time ({@code 24:00}, {@code 7.30}, {@code 19:60}). */
    public static Optional<LocalTime> parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        return hour <= 23 && minute <= 59 ? Optional.of(LocalTime.of(hour, minute)) : Optional.empty();
    }
}
