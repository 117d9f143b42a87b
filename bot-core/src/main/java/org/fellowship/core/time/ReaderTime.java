package org.fellowship.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way a moment is shown to a person: in the reader's zone, to the minute, with the zone named, e.g.
 * "10 Dec 2026, 21:37 (Europe/Berlin)". Records keep instants; only their display is local, so moderators in several
 * zones read the same log each in their own time. Stateless, thread-safe.
 */
public final class ReaderTime {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private ReaderTime() {
    }

    /** {@code at} in {@code zone}, to the minute: "10 Dec 2026, 21:37 (Europe/Berlin)". */
    public static String format(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone)) + " (" + zoneName(zone) + ")";
    }

    /** A calendar date as the rest of the bot writes it: "10 Dec 2026". */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** How a zone is named to a person: its IANA id, "UTC" for UTC, "UTC+02:00" for a fixed offset. */
    public static String zoneName(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
        }
        return zone.getId().equals("Etc/UTC") ? "UTC" : zone.getId();
    }
}
