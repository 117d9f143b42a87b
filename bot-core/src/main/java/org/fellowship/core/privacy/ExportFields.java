package org.fellowship.core.privacy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fellowship.core.text.Json;
import org.fellowship.core.time.ReaderTime;

/**
 * One stored record's fields as lines a member can read ({@link ExportDocument} puts them under titles and
 * headings): "Label: value" with plain labels, nested values indented, dates and times in the member's zone, ids
 * with their platform, yes/no for flags; storage bookkeeping, tokens and unset values left out. Stateless.
 */
final class ExportFields {
    /**
     * Storage bookkeeping inside records: the record's format version, the member's own id, and a case's number
     * (its title says it).
     */
    private static final List<String> BOOKKEEPING = List.of("v", "platform", "user", "number");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("zone", "Time zone"), Map.entry("language", "Language"),
            Map.entry("noFollowUps", "No follow-up messages"), Map.entry("cleanDates", "Clean dates"),
            Map.entry("ladder", "Milestone ladder"), Map.entry("ladderCommunity", "Ladder of group"),
            Map.entry("announce", "Milestones announced in"), Map.entry("prompts", "Daily check-in"),
            Map.entry("nudges", "Nudges"), Map.entry("weeklySummary", "Weekly summary"),
            Map.entry("nextPrompt", "Next check-in"), Map.entry("community", "Group"),
            Map.entry("awayUntil", "Away until"), Map.entry("nameShownToMentor", "Name shown to your mentor"),
            Map.entry("days", "Check-ins by day"), Map.entry("number", "Case"), Map.entry("at", "When"),
            Map.entry("actor", "By"), Map.entry("subject", "About"), Map.entry("chat", "Where"),
            Map.entry("messageId", "Message"), Map.entry("ruleId", "Rule"), Map.entry("excerpt", "Quoted words"),
            Map.entry("moderator", "By moderator"), Map.entry("expiresAt", "Counts until"),
            Map.entry("minutes", "Minutes before"), Map.entry("group", "Group"), Map.entry("case", "Case"));

    private static final Pattern ID = Pattern.compile("(tg|dc):(-?\\d+)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z]{4,}|[A-Z]+(_[A-Z]+)+");
    static final String INDENT = "    ";

    private ExportFields() {
    }

    /** JSON when the text is JSON (also a JSON text inside a list), else the text itself. */
    static Object parsed(String stored) {
        String t = stored.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return Json.parse(t);
            } catch (Json.JsonException e) {
                return stored; // not JSON after all (a store's own text): shown as it is
            }
        }
        return stored;
    }

    /** Adds the lines of {@code value}: "Label: value" for fields, "- item" for list items, nested deeper. */
    static void value(Object value, ZoneId zone, String indent, List<String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> field(String.valueOf(k), v, zone, indent, out));
        } else if (value instanceof Collection<?> list) {
            for (Object item : list) {
                Object inner = item instanceof String s ? parsed(s) : item;
                if (inner instanceof Map<?, ?> || inner instanceof Collection<?>) {
                    List<String> nested = new ArrayList<>();
                    value(inner, zone, "", nested);
                    for (int i = 0; i < nested.size(); i++) {
                        out.add(indent + (i == 0 ? "- " : "  ") + nested.get(i));
                    }
                } else if (shown(inner)) {
                    out.add(indent + "- " + scalar(inner, zone));
                }
            }
        } else if (shown(value)) {
            out.add(indent + scalar(value, zone));
        }
    }

    private static void field(String key, Object v, ZoneId zone, String indent, List<String> out) {
        if (BOOKKEEPING.contains(key) || key.toLowerCase(Locale.ROOT).contains("token") || !shown(v)
                || key.endsWith("Id") && v instanceof BigDecimal n && n.signum() == 0) {
            return;
        }
        Object inner = v instanceof String s ? parsed(s) : v;
        String label = LABELS.getOrDefault(key, DATE.matcher(key).matches() ? ReaderTime.day(LocalDate.parse(key))
                : sentence(key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)));
        if (inner instanceof Map<?, ?> || inner instanceof Collection<?>) {
            List<String> nested = new ArrayList<>();
            value(inner, zone, INDENT, nested);
            if (!nested.isEmpty()) {
                out.add(indent + label + ":");
                nested.forEach(n -> out.add(indent + n));
            }
        } else {
            out.add(indent + label + ": " + scalar(inner, zone));
        }
    }

    /** Whether a value says anything: not null, not "null", not blank, not an empty list or map. */
    private static boolean shown(Object v) {
        return v != null && !(v instanceof String s && (s.isBlank() || s.equals("null")))
                && !(v instanceof Map<?, ?> m && m.isEmpty()) && !(v instanceof Collection<?> c && c.isEmpty());
    }

    /** A plain value: yes/no, a whole number, a date or time in the member's zone, an id with its platform. */
    private static String scalar(Object v, ZoneId zone) {
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (v instanceof BigDecimal n) {
            return n.stripTrailingZeros().toPlainString();
        }
        String s = String.valueOf(v);
        try {
            if (INSTANT.matcher(s).matches()) {
                return ReaderTime.format(Instant.parse(s), zone);
            }
            if (DATE.matcher(s).matches()) {
                return ReaderTime.day(LocalDate.parse(s));
            }
        } catch (DateTimeParseException e) {
            return s; // looked like a date but is not one: shown as written
        }
        if (CONSTANT.matcher(s).matches()) {
            return s.toLowerCase(Locale.ROOT).replace('_', ' '); // a stored state or category: OPEN, SUICIDAL_IDEATION
        }
        Matcher id = ID.matcher(s);
        if (id.matches()) {
            return "id " + id.group(2) + (id.group(1).equals("tg") ? " (Telegram)" : " (Discord)");
        }
        return s;
    }

    static String sentence(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
