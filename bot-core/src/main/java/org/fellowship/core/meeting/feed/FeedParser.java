package org.fellowship.core.meeting.feed;

import static org.fellowship.core.meeting.feed.FeedText.clip;
import static org.fellowship.core.meeting.feed.FeedText.decoded;
import static org.fellowship.core.meeting.feed.FeedText.firstText;
import static org.fellowship.core.meeting.feed.FeedText.joined;
import static org.fellowship.core.meeting.feed.FeedText.placeAndAddress;
import static org.fellowship.core.meeting.feed.FeedText.text;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.meeting.Slugs;
import org.fellowship.core.text.Json;

/**
 * Reads meeting feeds into {@link Meeting}s: the Meeting Guide JSON format (code4recovery spec: {@code day} 0-6
 * with Sunday = 0, as a number, a string or a list of them; {@code time}/{@code end_time} local {@code HH:MM}, also
 * {@code HH:MM:SS} and {@code h:mm AM}; {@code end_time} defaults to start + 60 min; {@code timezone} per meeting,
 * else at feed level, else the community's) and BMLT search results ({@code weekday_tinyint} 1-7 with Sunday = 1,
 * {@code start_time}, {@code duration_time}, {@code time_zone}, {@code formats}, case kept). Meeting Guide
 * {@code attendance_option: "inactive"} entries are skipped (counted as "inactive"); dial-in numbers
 * ({@code conference_phone}, BMLT {@code phone_meeting_number}) are kept, and a meeting with one but no place is
 * "online". {@link ParsedFeed#readInFallbackZone()} counts meetings read in the community's zone for want of one.
 *
 * <p>Entries it cannot use are skipped and counted by reason; only a feed that is not JSON, not a list of meetings,
 * too large, or names an unknown feed-level zone fails as a whole ({@link FeedException}).
 *
 * <p><b>Threading:</b> immutable, thread-safe. <b>Nullness:</b> arguments non-null.
 */
public final class FeedParser {
    /** Largest feed accepted, in characters. */
    public static final int MAX_FEED_CHARS = 5_000_000;
    /** Most entries accepted in one feed. */
    static final int MAX_ENTRIES = 5_000;
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?");
    private static final int DEFAULT_MINUTES = 60;
    /** Longest meeting read as running past midnight when its end time is earlier than its start. */
    private static final int MAX_OVERNIGHT_MINUTES = 6 * 60;
    static final String END_BEFORE_START = "end time before start, ignored";
    static final String INACTIVE = "inactive";

    /**
     * Parses a feed.
     *
     * @param json         the feed text
     * @param fallbackZone the community's zone, for meetings and feeds that name none
     * @throws FeedException when the feed as a whole is unusable
     */
    public ParsedFeed parse(String json, ZoneId fallbackZone) {
        if (json.length() > MAX_FEED_CHARS) {
            throw new FeedException("That feed is larger than " + (MAX_FEED_CHARS / 1_000_000) + " MB.");
        }
        Object root;
        try {
            root = Json.parse(json);
        } catch (Json.JsonException e) {
            throw new FeedException("That feed is " + e.getMessage() + ".");
        }
        ZoneId feedZone = null;
        List<?> entries;
        if (root instanceof List<?> list) {
            entries = list;
        } else if (root instanceof Map<?, ?> map && map.get("meetings") instanceof List<?> list) {
            entries = list;
            Object tz = map.get("timezone");
            if (tz instanceof String s && !s.isBlank()) {
                feedZone = zone(s).orElseThrow(() -> new FeedException("The feed's time zone is not a known IANA zone."));
            }
        } else {
            throw new FeedException("That feed is JSON but not a list of meetings.");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new FeedException("That feed has more than " + MAX_ENTRIES + " meetings.");
        }
        Map<String, Meeting> meetings = new LinkedHashMap<>();
        Set<String> sources = new java.util.HashSet<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        Map<String, Integer> warnings = new LinkedHashMap<>();
        int readInFallbackZone = 0;
        for (Object entry : entries) {
            Result r = entry instanceof Map<?, ?> m ? entry(m, feedZone == null ? fallbackZone : feedZone)
                    : Result.skip("not a meeting");
            if (r.meeting == null) {
                skipped.merge(r.reason, 1, Integer::sum);
            } else if (!sources.add(r.source)) {
                // Only the same source id (or, without one, the same name, days and time) is a real duplicate.
                skipped.merge(r.source.startsWith("id:") ? "duplicate id" : "duplicate meeting", 1, Integer::sum);
            } else {
                String slug = r.meeting.slug();
                for (int attempt = 0; meetings.containsKey(slug); attempt++) {
                    slug = Slugs.withSuffix(r.meeting.slug(), attempt == 0 ? r.source : r.source + "#" + attempt);
                }
                meetings.put(slug, r.meeting.withSlug(slug));
                if (feedZone == null && !r.ownZone) {
                    readInFallbackZone++;
                }
                if (r.warning != null) {
                    warnings.merge(r.warning, 1, Integer::sum);
                }
            }
        }
        return new ParsedFeed(new ArrayList<>(meetings.values()), skipped, warnings, readInFallbackZone);
    }

    /**
     * One entry's meeting, the key that identifies its source entry and whether it named its own zone, or why it was
     * skipped.
     */
    private record Result(Meeting meeting, String source, boolean ownZone, String reason, String warning) {
        static Result skip(String reason) {
            return new Result(null, null, false, reason, null);
        }
    }

    private static Result entry(Map<?, ?> m, ZoneId feedZone) {
        boolean bmlt = m.containsKey("weekday_tinyint") || m.containsKey("meeting_name");
        String name = decoded(text(m.get(bmlt ? "meeting_name" : "name")));
        if (name == null) {
            return Result.skip("no name");
        }
        if (!bmlt && INACTIVE.equals(text(m.get("attendance_option")))) {
            return Result.skip(INACTIVE); // the Meeting Guide spec's way to list a meeting that no longer meets
        }
        String timeText = text(m.get(bmlt ? "start_time" : "time"));
        if (timeText == null) {
            return Result.skip("no time");
        }
        LocalTime start = time(timeText);
        if (start == null) {
            return Result.skip("bad time");
        }
        Object dayValue = m.get(bmlt ? "weekday_tinyint" : "day");
        if (dayValue == null || dayValue instanceof String s && s.isBlank()
                || dayValue instanceof List<?> l && l.isEmpty()) {
            return Result.skip("no day");
        }
        Set<DayOfWeek> days = days(dayValue, bmlt);
        if (days == null) {
            return Result.skip("bad day");
        }
        Duration duration = Duration.ofMinutes(DEFAULT_MINUTES);
        String warning = null;
        if (bmlt) {
            String d = text(m.get("duration_time"));
            LocalTime length = d == null ? null : time(d);
            if (length != null && length.toSecondOfDay() > 0) {
                duration = Duration.ofSeconds(length.toSecondOfDay());
            }
        } else {
            String e = text(m.get("end_time"));
            LocalTime end = e == null ? null : time(e);
            if (e != null && end == null) {
                return Result.skip("bad end time");
            }
            if (end != null && !end.equals(start)) {
                long minutes = Duration.between(start, end).toMinutes();
                if (minutes > 0) {
                    duration = Duration.ofMinutes(minutes);
                } else if (minutes + 24 * 60 <= MAX_OVERNIGHT_MINUTES) {
                    duration = Duration.ofMinutes(minutes + 24 * 60);
                } else {
                    // "12:15"-"01:15" is a 12-hour clock typo, not a 13-hour meeting: keep the meeting, not the end.
                    warning = END_BEFORE_START;
                }
            }
        }
        ZoneId zone = feedZone;
        String tz = text(m.get(bmlt ? "time_zone" : "timezone"));
        if (tz != null) {
            java.util.Optional<ZoneId> z = zone(tz);
            if (z.isEmpty()) {
                return Result.skip("unknown time zone");
            }
            zone = z.get();
        }
        String rawId = text(m.get(bmlt ? "id_bigint" : "slug"));
        if (rawId == null) {
            rawId = text(m.get("id"));
        }
        String slug = Slugs.of(rawId != null ? rawId : name + "-" + timeText);
        String source = rawId != null ? "id:" + rawId : "entry:" + name + "|" + days + "|" + start;
        String url = clip(text(m.get(bmlt ? "virtual_meeting_link" : "conference_url")), Meeting.MAX_URL);
        if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
            url = null;
        }
        String phone = clip(text(m.get(bmlt ? "phone_meeting_number" : "conference_phone")), Meeting.MAX_PHONE);
        String location = bmlt ? withInfo(joined(m, "location_text", "location_street", "location_municipality"),
                decoded(text(m.get("location_info"))))
                : placeAndAddress(text(m.get("location")), firstText(m, "formatted_address", "address"));
        boolean online = bmlt ? "2".equals(text(m.get("venue_type")))
                : "online".equals(text(m.get("attendance_option")));
        if (location == null && (online || phone != null)) {
            location = "online"; // a dial-in meeting without a link or place still meets: by phone
        }
        List<String> types = types(m.get(bmlt ? "formats" : "types"), bmlt);
        String notes = clip(decoded(text(m.get(bmlt ? "comments" : "notes"))), Meeting.MAX_NOTES);
        return new Result(new Meeting(slug, clip(name, Meeting.MAX_NAME), days, start, duration, zone, url,
                clip(decoded(location), Meeting.MAX_URL), types, notes, phone), source, tz != null, null, warning);
    }

    /**
     * Parses {@code HH:MM}, {@code HH:MM:SS}, {@code h:mm AM}; {@code null} when impossible (25:00, 13:00 PM). Also
     * reads the start time a moderator types for {@code /meetings add}, so both ways in agree.
     */
    public static LocalTime time(String text) {
        Matcher t = TIME.matcher(text.strip());
        if (!t.matches()) {
            return null;
        }
        int hour = Integer.parseInt(t.group(1));
        int minute = Integer.parseInt(t.group(2));
        int second = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
        if (t.group(4) != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = Character.toLowerCase(t.group(4).charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour == 24 && minute == 0 && second == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute, second);
    }

    private static Set<DayOfWeek> days(Object value, boolean bmlt) {
        List<?> values = value instanceof List<?> l ? l : List.of(value);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object v : values) {
            Integer n = null;
            if (v instanceof BigDecimal d) {
                try {
                    n = d.intValueExact();
                } catch (ArithmeticException e) {
                    return null;
                }
            } else if (v instanceof String s && s.strip().matches("\\d{1,2}")) {
                n = Integer.parseInt(s.strip());
            }
            int sundayBased = n == null ? -1 : bmlt ? n - 1 : n;
            if (sundayBased < 0 || sundayBased > 6) {
                return null;
            }
            days.add(sundayBased == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(sundayBased));
        }
        return days;
    }

    /** BMLT's free-text {@code location_info} ("Basement, side door") after the place it describes. */
    private static String withInfo(String location, String info) {
        return info == null ? location : location == null ? info : location + " (" + info + ")";
    }

    /** Meeting Guide codes upper-cased as before; BMLT format codes kept as written ("Ag" and "AG" differ). */
    private static List<String> types(Object value, boolean bmlt) {
        List<?> raw = value instanceof List<?> l ? l
                : value instanceof String s ? List.of((Object[]) s.split(",")) : List.of();
        Set<String> out = new LinkedHashSet<>();
        for (Object o : raw) {
            if (o instanceof String s) {
                String code = bmlt ? s.strip() : s.strip().toUpperCase(Locale.ROOT);
                if (code.matches("[A-Za-z0-9-]{1,12}") && out.size() < 30) {
                    out.add(code);
                }
            }
        }
        return List.copyOf(out);
    }

    private static java.util.Optional<ZoneId> zone(String id) {
        try {
            return id.length() > 64 ? java.util.Optional.empty() : java.util.Optional.of(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            return java.util.Optional.empty();
        }
    }
}
