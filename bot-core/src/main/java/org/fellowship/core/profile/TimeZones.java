package org.fellowship.core.profile;

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
 * "new york"), "UTC". Offsets and abbreviations like "EST" are refused on purpose: they do not follow daylight
 * saving, so prompts would drift by an hour twice a year. Near misses get suggestions.
 */
public final class TimeZones {
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("est", "America/New_York"), Map.entry("edt", "America/New_York"),
            Map.entry("cst", "America/Chicago"), Map.entry("cdt", "America/Chicago"),
            Map.entry("mst", "America/Denver"), Map.entry("mdt", "America/Denver"),
            Map.entry("pst", "America/Los_Angeles"), Map.entry("pdt", "America/Los_Angeles"),
            Map.entry("gmt", "Europe/London"), Map.entry("bst", "Europe/London"),
            Map.entry("cet", "Europe/Berlin"), Map.entry("cest", "Europe/Berlin"),
            Map.entry("ist", "Asia/Kolkata"), Map.entry("aest", "Australia/Sydney"));

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

    /** The outcome of reading what a member typed. */
    public record Match(Optional<ZoneId> zone, List<String> suggestions) {
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
        Set<String> suggestions = new LinkedHashSet<>();
        if (cityIds != null) {
            suggestions.addAll(cityIds);
        }
        String abbreviation = ABBREVIATIONS.get(lower);
        if (abbreviation != null) {
            suggestions.add(abbreviation);
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
