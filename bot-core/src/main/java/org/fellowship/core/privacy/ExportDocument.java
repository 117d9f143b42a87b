package org.fellowship.core.privacy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fellowship.core.time.ReaderTime;

/**
 * {@code /export} as a document a member can read: the stores' records about them (by record name, as stored text,
 * mostly JSON) grouped by feature under plain headings, each field with a plain label, dates and times in the
 * member's zone, and nothing that is only storage: no keys, version fields, indexes of records shown elsewhere,
 * tokens or unset values. A record this class does not know still appears, under "Other records", so the document
 * stays complete when a store adds one. Stateless, thread-safe.
 */
final class ExportDocument {
    /** A feature's part of the document, in this order; a record belongs to the first whose prefix it starts with. */
    private record Section(String heading, String note, List<String> prefixes) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("Profile and time zone", null, List.of("profile", "dm", "choices:")),
            new Section("Clean dates and milestones", null, List.of("milestone")),
            new Section("Check-ins", null, List.of("checkin")),
            new Section("Meetings, RSVPs and reminders", null, List.of("meeting")),
            new Section("Mentors and support alerts", null, List.of("mentor", "last flagged")),
            new Section("Moderation records about you", "These stay after /forget so they still count; the quoted "
                    + "words of your messages do not.", List.of("case ", "warnings:")),
            new Section("Scheduled messages", null, List.of("scheduled:")),
            new Section("Other records", null, List.of("")));

    /** Indexes that only point at records listed in full elsewhere in the document. */
    private static final List<String> INDEXES = List.of("meeting-refs", "mod-cases");
    private static final Pattern COMMUNITY_IN_KEY = Pattern.compile("\\{?(tg|dc):(-?\\d+)}?");
    private static final Pattern RSVP = Pattern.compile("rsvp:(.+):(\\d{10,})$");
    private static final Pattern CASE = Pattern.compile("case (\\S+) (\\d+)");
    private static final Pattern RUNS = Pattern.compile("\\d+|\\D+");

    private ExportDocument() {
    }

    /** The document, or {@code null} when nothing is stored about the member. */
    static String render(Map<String, String> records, ZoneId zone, Instant now) {
        Map<Section, List<String>> bySection = new LinkedHashMap<>();
        SECTIONS.forEach(s -> bySection.put(s, new ArrayList<>()));
        Map<String, String> ordered = new TreeMap<>(ExportDocument::naturally);
        ordered.putAll(records);
        ordered.forEach((name, value) -> {
            if (INDEXES.contains(name)) {
                return;
            }
            Section section = SECTIONS.stream().filter(s -> s.prefixes().stream().anyMatch(name::startsWith))
                    .findFirst().orElseThrow();
            bySection.get(section).addAll(record(name, value, zone));
        });
        StringBuilder text = new StringBuilder("Everything I store about you, as of ")
                .append(ReaderTime.format(now, zone)).append(". Times are shown in ").append(ReaderTime.zoneName(zone))
                .append('.');
        boolean any = false;
        for (Map.Entry<Section, List<String>> e : bySection.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            any = true;
            text.append("\n\n").append(e.getKey().heading());
            if (e.getKey().note() != null) {
                text.append("\n(").append(e.getKey().note()).append(')');
            }
            e.getValue().forEach(line -> text.append('\n').append(line));
        }
        return any ? text.toString() : null;
    }

    /** One record's lines: a title line, then its fields indented (or the fields alone for one-record sections). */
    private static List<String> record(String name, String stored, ZoneId zone) {
        if (name.startsWith("scheduled:")) {
            return List.of("• " + scheduled(stored, zone));
        }
        Matcher rsvp = RSVP.matcher(name);
        if (name.startsWith("meeting rsvp ")) {
            return List.of("• You're going to " + (rsvp.find() ? rsvp.group(1) + " on "
                    + ReaderTime.format(Instant.ofEpochMilli(Long.parseLong(rsvp.group(2))), zone) : "a meeting"));
        }
        if (name.startsWith("meeting name consent ")) {
            return List.of("• Name shown to others going to meetings" + inGroup(name) + ": " + stored);
        }
        if (name.equals("dm")) {
            return List.of("• You have a private chat with me.");
        }
        String title = title(name);
        List<String> fields = new ArrayList<>();
        Object parsed = withoutRepeatedId(ExportFields.parsed(stored), name.startsWith("warnings:"), title);
        ExportFields.value(parsed, zone, "", fields);
        if (fields.isEmpty()) {
            return List.of();
        }
        if (title == null) {
            return fields.stream().map(f -> f.startsWith(ExportFields.INDENT) ? f : "• " + f).toList();
        }
        List<String> lines = new ArrayList<>();
        lines.add("• " + title + ":");
        fields.forEach(f -> lines.add(ExportFields.INDENT + f));
        return lines;
    }

    /**
     * A record's "id" field, which its title already names (a support alert), dropped; in warnings it is the case
     * number, so it is called that.
     */
    private static Object withoutRepeatedId(Object parsed, boolean warnings, String title) {
        if (parsed instanceof Collection<?> list && warnings) {
            return list.stream().map(item -> withoutRepeatedId(item instanceof String s ? ExportFields.parsed(s) : item,
                    true, title)).toList();
        }
        if (!(parsed instanceof Map<?, ?> map) || !map.containsKey("id")) {
            return parsed;
        }
        Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!k.equals("id")) {
                copy.put(k, v);
            } else if (warnings) {
                copy.put("case", v);
            } else if (title == null || !title.contains(String.valueOf(v))) {
                copy.put("identifier", v);
            }
        });
        return copy;
    }

    /** A record's title, or {@code null} for the one record of its kind whose fields stand alone. */
    private static String title(String name) {
        if (name.equals("profile") || name.equals("milestones") || name.equals("checkin")) {
            return null;
        }
        Matcher c = CASE.matcher(name);
        if (c.matches()) {
            return "Case " + c.group(2) + inGroup(c.group(1));
        }
        if (name.startsWith("warnings:")) {
            return "Warnings" + inGroup(name);
        }
        if (name.startsWith("meeting-reminder:")) {
            return "Reminder for " + name.substring(name.lastIndexOf(':') + 1);
        }
        return switch (name) {
            case "checkin-notes" -> "Notes";
            case "milestone-deliveries" -> "Milestones already celebrated";
            case "meeting-draft" -> "A meeting you were adding";
            case "mentor roster entry" -> "Your mentor roster entry";
            case "last flagged message context" -> "Your last message the safety screen noticed";
            default -> name.startsWith("mentor alert ") ? "Support alert " + name.substring("mentor alert ".length())
                    : ExportFields.sentence(name.replaceAll("[:_|-]+", " ").strip());
        };
    }

    /** " in group -1001" from a record name or key holding a community, or "" when it holds none. */
    private static String inGroup(String text) {
        Matcher m = COMMUNITY_IN_KEY.matcher(text);
        return m.find() ? " in group " + m.group(2) : "";
    }

    /** A scheduled item ({@code kind|dueAt|payload}): what it is and when; its payload is only the bot's wiring. */
    private static String scheduled(String stored, ZoneId zone) {
        String[] parts = stored.split("\\|", 3);
        String what = switch (parts[0]) {
            case "milestone" -> "Milestone celebration";
            case "meeting.reminder" -> "Meeting reminder";
            case "crisis.followup" -> "A check on how you are doing";
            case "mod.unban" -> "End of a temporary ban";
            case "mod.gate" -> "Time to answer the newcomer question runs out";
            default -> ExportFields.sentence(parts[0].replaceAll("[.-]", " "));
        };
        return parts.length > 1 && ExportFields.INSTANT.matcher(parts[1]).matches()
                ? what + ", due " + ReaderTime.format(Instant.parse(parts[1]), zone) : what;
    }


    /** Names in reading order: "case 2" before "case 10" (runs of digits compare as numbers). */
    private static int naturally(String a, String b) {
        Matcher x = RUNS.matcher(a);
        Matcher y = RUNS.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            int c = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0))
                    ? new BigDecimal(p).compareTo(new BigDecimal(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }
}
