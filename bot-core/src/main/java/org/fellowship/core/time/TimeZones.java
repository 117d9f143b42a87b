package org.fellowship.core.time;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.fellowship.core.text.Similarity;

/**
 * Understands the time zones members type: exact IANA ids in any case ("europe/berlin"), a city alone ("Berlin",
 * "new york"), "UTC". Abbreviations like "EST" are refused on purpose (they do not follow daylight saving, so prompts
 * would drift by an hour twice a year): the real zones that use them are suggested. A UTC offset ("+2", "UTC-5") is
 * accepted as a fixed offset, and the member is told it ignores daylight saving. Near misses get suggestions.
 */
public final class TimeZones {
    /** Abbreviations members type, and the real zones that use them (most populous first). */
    private static final Map<String, List<String>> ABBREVIATIONS = Map.ofEntries(
            Map.entry("est", List.of("America/New_York", "America/Toronto", "America/Detroit")),
            Map.entry("edt", List.of("America/New_York", "America/Toronto", "America/Detroit")),
            Map.entry("cst", List.of("America/Chicago", "America/Winnipeg", "America/Mexico_City")),
            Map.entry("cdt", List.of("America/Chicago", "America/Winnipeg")),
            Map.entry("mst", List.of("America/Denver", "America/Edmonton", "America/Phoenix")),
            Map.entry("mdt", List.of("America/Denver", "America/Edmonton")),
            Map.entry("pst", List.of("America/Los_Angeles", "America/Vancouver")),
            Map.entry("pdt", List.of("America/Los_Angeles", "America/Vancouver")),
            Map.entry("akst", List.of("America/Anchorage")), Map.entry("hst", List.of("Pacific/Honolulu")),
            Map.entry("ast", List.of("America/Halifax", "America/Puerto_Rico")),
            Map.entry("nst", List.of("America/St_Johns")),
            Map.entry("gmt", List.of("Europe/London", "Europe/Dublin", "UTC")),
            Map.entry("bst", List.of("Europe/London")), Map.entry("ist", List.of("Asia/Kolkata", "Europe/Dublin")),
            Map.entry("cet", List.of("Europe/Berlin", "Europe/Paris", "Europe/Madrid")),
            Map.entry("cest", List.of("Europe/Berlin", "Europe/Paris", "Europe/Madrid")),
            Map.entry("eet", List.of("Europe/Athens", "Europe/Helsinki", "Europe/Kyiv")),
            Map.entry("wet", List.of("Europe/Lisbon")),
            Map.entry("aest", List.of("Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane")),
            Map.entry("acst", List.of("Australia/Adelaide", "Australia/Darwin")),
            Map.entry("awst", List.of("Australia/Perth")), Map.entry("nzst", List.of("Pacific/Auckland")),
            Map.entry("jst", List.of("Asia/Tokyo")), Map.entry("sast", List.of("Africa/Johannesburg")));

    /** A fixed offset from UTC: "+2", "UTC-5", "GMT+05:30". */
    private static final java.util.regex.Pattern OFFSET = java.util.regex.Pattern.compile(
            "(?:utc|gmt)?\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?");

    /** Lower-case id -> canonical id, for the region-based ids only. */
    private final Map<String, String> byLowerId = new HashMap<>();
    /** Lower-case city ("new york") -> canonical ids ending in that city. */
    private final Map<String, List<String>> byCity = new TreeMap<>();

    public TimeZones() {
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (!id.contains("/") || id.startsWith("Etc/") || id.startsWith("SystemV/")) {
                continue;
            }
            byLowerId.put(id.toLowerCase(Locale.ROOT), id);
            String city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ').toLowerCase(Locale.ROOT);
            byCity.computeIfAbsent(city, c -> new ArrayList<>()).add(id);
        }
        byLowerId.put("utc", "UTC");
    }

    /**
     * The outcome of reading what a member typed.
     *
     * @param fixedOffset the zone is a fixed UTC offset, which ignores daylight saving (the member should be told)
     */
    public record Match(Optional<ZoneId> zone, List<String> suggestions, boolean fixedOffset) {
        public Match(Optional<ZoneId> zone, List<String> suggestions) {
            this(zone, suggestions, false);
        }
    }

    public Match resolve(String input) {
        String typed = input.strip().replace(' ', '_');
        String lower = typed.toLowerCase(Locale.ROOT);
        String exact = byLowerId.get(lower);
        if (exact != null) {
            return found(exact);
        }
        List<String> cityIds = byCity.get(lower.replace('_', ' '));
        if (cityIds != null && cityIds.size() == 1) {
            return found(cityIds.get(0));
        }
        List<String> abbreviated = ABBREVIATIONS.get(lower);
        if (abbreviated != null) {
            // an abbreviation ignores daylight saving: offer the real zones it stands for, never look-alike names
            return new Match(Optional.empty(), abbreviated);
        }
        java.util.regex.Matcher offset = OFFSET.matcher(lower.replace('_', ' ').strip());
        if (offset.matches()) {
            int hours = Integer.parseInt(offset.group(2));
            int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
            if (hours <= 14 && minutes < 60) {
                int sign = offset.group(1).equals("-") ? -1 : 1;
                try {
                    return new Match(Optional.of(java.time.ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes)),
                            List.of(), true);
                } catch (DateTimeException e) {
                    return new Match(Optional.empty(), List.of());
                }
            }
        }
        Set<String> suggestions = new LinkedHashSet<>();
        if (cityIds != null) {
            suggestions.addAll(cityIds);
        }
        if (lower.contains("/")) {
            suggestions.addAll(Similarity.closest(lower, byLowerId.keySet(), 3, 3).stream().map(byLowerId::get).toList());
        } else {
            for (String city : Similarity.closest(lower.replace('_', ' '), byCity.keySet(), 2, 3)) {
                suggestions.addAll(byCity.get(city));
            }
        }
        return new Match(Optional.empty(), suggestions.stream().limit(3).toList());
    }

    private static Match found(String id) {
        try {
            return new Match(Optional.of(ZoneId.of(id)), List.of());
        } catch (DateTimeException e) {
            return new Match(Optional.empty(), List.of());
        }
    }
}
