package org.fellowship.core.mentor;

import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fellowship.core.command.ClockTime;

/**
 * A daily window in a mentor's own time zone when they are not paged ({@code 22:00-07:00} wraps over midnight).
 * The start is inside the window, the end is not. Immutable.
 */
public record QuietHours(LocalTime from, LocalTime to) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours need a different start and end");
        }
    }

    /** Whether {@code time} of day falls inside the window. */
    public boolean contains(LocalTime time) {
        return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }

    /**
     * Reads {@code HH:MM-HH:MM}.
     *
     * @throws IllegalArgumentException with a message a member can act on
     */
    public static QuietHours parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Write quiet hours as HH:MM-HH:MM, for example 22:00-07:00.");
        }
        return new QuietHours(time(m.group(1)), time(m.group(2)));
    }

    private static LocalTime time(String hhmm) {
        return ClockTime.parse(hhmm).orElseThrow(() ->
                new IllegalArgumentException("Those are not times of day; write for example 22:00-07:00."));
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
