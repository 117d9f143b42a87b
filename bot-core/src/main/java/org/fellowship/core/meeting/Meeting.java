package org.fellowship.core.meeting;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A weekly recurring meeting. Times are local wall-clock times in {@link #zone()}: an occurrence in a DST gap
 * (02:30 on a spring-forward night) starts at the next valid time, one in a repeated hour starts once, at the
 * earlier offset.
 *
 * @param slug     stable id within the community: lower-case letters, digits, '-' and '_', 1-64 chars
 * @param name     display name, 1-200 chars
 * @param days     the weekdays it meets on, at least one
 * @param start    local start time
 * @param duration length, 1 minute to 24 hours
 * @param zone     IANA zone the times are in
 * @param url      online link, or {@code null}
 * @param location address or place, or {@code null}
 * @param types    type codes such as O, C, D, ONL (Meeting Guide's upper-case; BMLT format codes as the feed wrote
 *                 them, since BMLT codes are case-sensitive)
 * @param notes    free text, or {@code null}
 * @param phone    dial-in number as the feed wrote it (Meeting Guide {@code conference_phone}, BMLT
 *                 {@code phone_meeting_number}), at most {@link #MAX_PHONE} chars, or {@code null}
 */
public record Meeting(String slug, String name, Set<DayOfWeek> days, LocalTime start, Duration duration, ZoneId zone,
                      String url, String location, List<String> types, String notes, String phone) {
    public static final int MAX_NAME = 200;
    public static final int MAX_NOTES = 1000;
    public static final int MAX_URL = 500;
    public static final int MAX_PHONE = 100;
    /** The Meeting Guide type code of a meeting that is temporarily closed. */
    public static final String TEMPORARILY_CLOSED = "TC";

    public Meeting {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(zone, "zone");
        if (!slug.matches("[a-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("meeting slug must be 1-64 of a-z, 0-9, '-', '_'");
        }
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("meeting name must be 1-" + MAX_NAME + " characters");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a meeting needs at least one weekday");
        }
        if (duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("meeting duration must be 1 minute to 24 hours");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        url = blankToNull(url);
        location = blankToNull(location);
        notes = blankToNull(notes);
        phone = blankToNull(phone);
        if (phone != null && phone.length() > MAX_PHONE) {
            throw new IllegalArgumentException("meeting phone must be at most " + MAX_PHONE + " characters");
        }
        types = types == null ? List.of() : List.copyOf(types);
    }

    /** A meeting without a dial-in number. */
    public Meeting(String slug, String name, Set<DayOfWeek> days, LocalTime start, Duration duration, ZoneId zone,
                   String url, String location, List<String> types, String notes) {
        this(slug, name, days, start, duration, zone, url, location, types, notes, null);
    }

    /** This meeting under another slug (the feed parser gives colliding meetings unique slugs). */
    public Meeting withSlug(String newSlug) {
        return new Meeting(newSlug, name, days, start, duration, zone, url, location, types, notes, phone);
    }

    /** Whether the feed marks it temporarily closed (type code {@value #TEMPORARILY_CLOSED}). */
    public boolean temporarilyClosed() {
        return types.contains(TEMPORARILY_CLOSED);
    }

    /** Start instants of occurrences that start in {@code [from, to)}, earliest first. */
    public List<Occurrence> occurrences(Instant from, Instant to) {
        List<Occurrence> out = new ArrayList<>();
        LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(to, zone).plusDays(1);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                ZonedDateTime at = ZonedDateTime.of(day, start, zone);
                Instant instant = at.toInstant();
                if (!instant.isBefore(from) && instant.isBefore(to)) {
                    out.add(new Occurrence(this, at));
                }
            }
        }
        return out;
    }

    /** The first occurrence starting strictly after {@code after}. */
    public Occurrence nextAfter(Instant after) {
        Instant from = after.plusNanos(1);
        for (int week = 0; ; week++) {
            Instant windowStart = from.plus(Duration.ofDays(7L * week));
            List<Occurrence> found = occurrences(windowStart, windowStart.plus(Duration.ofDays(8)));
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
    }

    /** Whether the name or slug matches what a member typed (exact slug, or case-insensitive name). */
    public boolean matches(String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        return slug.equals(t) || name.toLowerCase(Locale.ROOT).equals(t);
    }

    public Optional<String> link() {
        return Optional.ofNullable(url);
    }

    /** The dial-in number, when the meeting can be joined by phone. */
    public Optional<String> dialIn() {
        return Optional.ofNullable(phone);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
