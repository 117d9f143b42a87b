package org.fellowship.core.meeting;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fellowship.core.command.Clip;
import org.fellowship.core.command.UsageException;

/** How long before a meeting a reminder or a group announcement comes: read as typed ("15m", "2h"), and written. */
final class LeadTime {
    private static final Pattern LEAD = Pattern.compile("(?i)(\\d{1,4})\\s*(m|min|mins|minutes?|h|hours?)?");

    private LeadTime() {
    }

    /** Minutes (the default unit) or hours, 1 minute to 24 hours. */
    static Duration parse(String when) {
        Matcher lead = LEAD.matcher(when);
        if (!lead.matches()) {
            throw new UsageException("\"" + Clip.typed(when, 40)
                    + "\" is not a lead time; write minutes such as 15m, or 2h.");
        }
        long amount = Long.parseLong(lead.group(1));
        Duration before = lead.group(2) != null && lead.group(2).toLowerCase(Locale.ROOT).startsWith("h")
                ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
        if (before.compareTo(Duration.ofMinutes(1)) < 0 || before.compareTo(ReminderSubscription.MAX_BEFORE) > 0) {
            throw new UsageException("Reminders can come 1 minute to 24 hours before the meeting.");
        }
        return before;
    }

    /**
     * "{@code <meeting name> <lead time|off>}" as {@code /remind} and {@code /meetings announce} take it: the last word
     * is the lead time, everything before it the meeting.
     *
     * @param example the command as the member should type it, for the usage error
     */
    static Request request(String args, String example) {
        String trimmed = args.strip();
        int space = trimmed.lastIndexOf(' ');
        if (space < 0) {
            throw new UsageException("Say which meeting and how long before, e.g. " + example + ".");
        }
        return new Request(trimmed.substring(0, space).strip(), trimmed.substring(space + 1).strip());
    }

    /** A meeting named by a member and the lead time (or "off") they typed after it. */
    record Request(String meeting, String when) {
        boolean off() {
            return when.equalsIgnoreCase("off");
        }
    }

    /** "15 min", "1 hour", "2 hours". */
    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + " min";
    }
}
