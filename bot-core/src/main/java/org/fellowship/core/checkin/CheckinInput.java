package org.fellowship.core.checkin;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fellowship.core.command.UsageException;

/** Reading what members type after a check-in command; every bad word becomes one clear {@link UsageException}. */
final class CheckinInput {
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private CheckinInput() {
    }

    /** A 24-hour {@code HH:MM} time of day. */
    static LocalTime parseTime(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            if (h <= 23 && min <= 59) {
                return LocalTime.of(h, min);
            }
        }
        throw new UsageException("\"" + clip(text) + "\" isn't a time of day. Use 24-hour HH:MM, e.g. 20:30.");
    }

    /** {@code on} or {@code off}, any case; {@code example} shows the right form when it is neither. */
    static boolean onOff(String value, String example) {
        if (value.equalsIgnoreCase("on")) {
            return true;
        }
        if (value.equalsIgnoreCase("off")) {
            return false;
        }
        throw new UsageException("Say on or off, e.g. " + example + ".");
    }

    /** Echo at most a short, single-line piece of what the member typed. */
    static String clip(String typed) {
        String oneLine = typed.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 20 ? oneLine.substring(0, 20) + "..." : oneLine;
    }
}
