package org.fellowship.core.meeting;

import static org.fellowship.core.meeting.MeetingTexts.HM;
import static org.fellowship.core.meeting.MeetingTexts.days;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fellowship.core.command.Clip;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.meeting.feed.FeedParser;
import org.fellowship.core.model.CommunityId;

/**
 * The seven fields a moderator types to add a meeting, in this order: name, days, start [zone], minutes, link or
 * place, types, notes. Shared by {@code /meetings add} with the fields on one line and the guided add that asks for
 * them one at a time: both read them here, and both save the meeting with the same confirmation.
 */
final class MeetingForm {
    /** How many fields a meeting has. */
    static final int FIELDS = 7;
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private final MeetingStore store;
    private final MeetingLookup lookup;

    MeetingForm(MeetingStore store, MeetingLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    /** Reads the seven fields (name, days, start [zone], minutes, link or place, types, notes); blank = default. */
    Meeting parse(CommunityId community, String[] f) {
        String name = parseName(f[0]);
        Set<DayOfWeek> days = parseDays(f[1]);
        String[] timeAndZone = f[2].strip().split("\\s+", 2);
        LocalTime start = parseStart(timeAndZone[0]);
        ZoneId zone = timeAndZone.length > 1 ? lookup.resolveZone(timeAndZone[1]) : lookup.zoneOf(community);
        Duration duration = parseLength(f[3]);
        String url = null;
        String location = null;
        if (f[4] != null && !f[4].isBlank()) {
            String where = f[4].strip();
            if (where.length() > Meeting.MAX_URL) {
                throw new UsageException("The link or place is too long (at most " + Meeting.MAX_URL + " characters).");
            }
            if (where.matches("(?i)https?://\\S+")) {
                url = where;
            } else {
                location = where;
            }
        }
        List<String> types = parseTypes(f[5]);
        String notes = f[6] == null || f[6].isBlank() ? null : f[6].strip();
        if (notes != null && notes.length() > Meeting.MAX_NOTES) {
            throw new UsageException("Notes are at most " + Meeting.MAX_NOTES + " characters.");
        }
        return new Meeting(Slugs.of(name), name, days, start, duration, zone, url, location, types, notes);
    }

    /** Checks one answer of the guided add on its own: a usage error saying what is wrong with it. */
    void check(CommunityId community, int step, String answer) {
        switch (step) {
            case 0 -> parseName(answer);
            case 1 -> parseDays(answer);
            case 2 -> {
                String[] timeAndZone = answer.split("\\s+", 2);
                parseStart(timeAndZone[0]);
                if (timeAndZone.length > 1) {
                    lookup.resolveZone(timeAndZone[1]);
                }
            }
            case 3 -> parseLength(answer);
            case 5 -> parseTypes(answer);
            default -> {
                String[] fields = new String[FIELDS];
                Arrays.fill(fields, "");
                fields[0] = "x";
                fields[1] = "daily";
                fields[2] = "12:00";
                fields[step] = answer;
                parse(community, fields);
            }
        }
    }

    /** Adds or replaces (by slug) the meeting and says which, with its days, time, zone and length. */
    void save(Turn turn, CommunityId community, Meeting meeting) {
        boolean existed = store.meeting(community, meeting.slug()).isPresent();
        store.saveAll(community, List.of(meeting));
        turn.reply((existed ? "Updated " : "Added ") + meeting.name() + " [" + meeting.slug() + "]: "
                + days(meeting.days()) + " " + meeting.start().format(HM) + " " + meeting.zone().getId() + ", "
                + meeting.duration().toMinutes() + " min.");
    }

    private static String parseName(String text) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty() || name.length() > Meeting.MAX_NAME) {
            throw new UsageException("The meeting needs a name of 1-" + Meeting.MAX_NAME + " characters.");
        }
        return name;
    }

    private static Set<DayOfWeek> parseDays(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("daily") || t.equals("every day")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : t.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] range = part.split("-", 2);
            DayOfWeek a = day(range[0]);
            DayOfWeek b = range.length > 1 ? day(range[1]) : a;
            for (DayOfWeek d = a; ; d = d.plus(1)) {
                days.add(d);
                if (d == b) {
                    break;
                }
            }
        }
        if (days.isEmpty()) {
            throw new UsageException("Give the weekdays, such as mon,thu or mon-fri or daily.");
        }
        return days;
    }

    private static DayOfWeek day(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (s.length() >= 2 && full.startsWith(s)) {
                return d;
            }
        }
        throw new UsageException("\"" + Clip.typed(s, 40)
                + "\" is not a weekday; use mon, tue, wed, thu, fri, sat, sun.");
    }

    private static LocalTime parseStart(String text) {
        Matcher clock = CLOCK.matcher(text);
        LocalTime start = clock.matches() ? FeedParser.time(text) : null;
        if (start == null) {
            throw new UsageException("\"" + Clip.typed(text, 40)
                    + "\" is not a time; write 24-hour HH:MM such as 19:30.");
        }
        return start;
    }

    private static Duration parseLength(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ofMinutes(60);
        }
        String minutes = text.strip();
        if (!minutes.matches("\\d{1,4}") || Integer.parseInt(minutes) < 1 || Integer.parseInt(minutes) > 24 * 60) {
            throw new UsageException("The length is minutes from 1 to 1440, such as 90.");
        }
        return Duration.ofMinutes(Integer.parseInt(minutes));
    }

    private static List<String> parseTypes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> types = Arrays.stream(text.split("[,\\s]+")).map(t -> t.strip().toUpperCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).distinct().toList();
        if (types.size() > 30 || types.stream().anyMatch(t -> !t.matches("[A-Z0-9-]{1,12}"))) {
            throw new UsageException("Types are short codes separated by commas, such as O,D,ONL.");
        }
        return types;
    }
}
