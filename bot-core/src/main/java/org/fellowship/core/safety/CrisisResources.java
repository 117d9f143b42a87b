package org.fellowship.core.safety;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Crisis lines by country: a built-in table (US and Canada 988, UK and Ireland Samaritans, Australia Lifeline)
 * with an international directory for everywhere else; a community can override or add countries. Immutable.
 */
public final class CrisisResources {
    /** One country's lines, as lines of text ready to send. */
    record Entry(String country, String name, List<String> lines) {
        public Entry {
            lines = List.copyOf(lines);
        }
    }

    /** For countries without their own entry. */
    static final String DIRECTORY = "Anywhere else: find a free, confidential helpline for your country at "
            + "https://findahelpline.com";

    private static final Map<String, Entry> BUILT_IN = builtIn();
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("usa", "US"), Map.entry("united states", "US"), Map.entry("america", "US"),
            Map.entry("canada", "CA"), Map.entry("uk", "GB"), Map.entry("united kingdom", "GB"),
            Map.entry("england", "GB"), Map.entry("scotland", "GB"), Map.entry("wales", "GB"),
            Map.entry("northern ireland", "GB"), Map.entry("ireland", "IE"), Map.entry("australia", "AU"),
            Map.entry("aus", "AU"));

    private final Map<String, Entry> table;

    private CrisisResources(Map<String, Entry> table) {
        this.table = Map.copyOf(table);
    }

    /** The built-in table. */
    public static CrisisResources builtInTable() {
        return new CrisisResources(BUILT_IN);
    }

    /** This table with a community's own entry for a country (ISO 3166 alpha-2 code). */
    CrisisResources withOverride(Entry entry) {
        Map<String, Entry> copy = new HashMap<>(table);
        copy.put(entry.country().toUpperCase(Locale.ROOT), entry);
        return new CrisisResources(copy);
    }

    private static Map<String, Entry> builtIn() {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put("US", new Entry("US", "United States", List.of(
                "US: call or text 988 (988 Suicide & Crisis Lifeline), or chat at 988lifeline.org. Emergency: 911.")));
        m.put("CA", new Entry("CA", "Canada", List.of(
                "Canada: call or text 988 (9-8-8 Suicide Crisis Helpline). Emergency: 911.")));
        m.put("GB", new Entry("GB", "United Kingdom", List.of(
                "UK: call Samaritans free on 116 123, day or night. Emergency: 999.")));
        m.put("IE", new Entry("IE", "Ireland", List.of(
                "Ireland: call Samaritans free on 116 123, day or night. Emergency: 112 or 999.")));
        m.put("AU", new Entry("AU", "Australia", List.of(
                "Australia: call Lifeline on 13 11 14, day or night. Emergency: 000.")));
        return m;
    }

    /** An ISO country code for a name or code the member typed ("uk", "Canada", "AU"), or {@code null}. */
    String countryCode(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String key = typed.strip().toLowerCase(Locale.ROOT);
        String alias = ALIASES.get(key);
        if (alias != null) {
            return alias;
        }
        String upper = key.toUpperCase(Locale.ROOT);
        return table.containsKey(upper) ? upper : null;
    }

    /** The country a time zone most likely means, for the countries in the table; {@code null} when unsure. */
    static String countryOf(ZoneId zone) {
        if (zone == null) {
            return null;
        }
        String id = zone.getId();
        if (id.equals("Europe/London") || id.equals("Europe/Belfast") || id.equals("GB")) {
            return "GB";
        }
        if (id.equals("Europe/Dublin") || id.equals("Eire")) {
            return "IE";
        }
        if (id.startsWith("Australia/")) {
            return "AU";
        }
        if (id.startsWith("Canada/") || List.of("America/Toronto", "America/Vancouver", "America/Edmonton",
                "America/Winnipeg", "America/Halifax", "America/St_Johns", "America/Regina", "America/Montreal",
                "America/Moncton", "America/Whitehorse", "America/Yellowknife", "America/Iqaluit").contains(id)) {
            return "CA";
        }
        if (id.startsWith("US/") || id.startsWith("America/Indiana/") || id.startsWith("America/Kentucky/")
                || id.startsWith("America/North_Dakota/") || List.of("America/New_York", "America/Chicago",
                "America/Denver", "America/Los_Angeles", "America/Phoenix", "America/Anchorage", "America/Detroit",
                "America/Boise", "Pacific/Honolulu", "America/Juneau", "America/Adak").contains(id)) {
            return "US";
        }
        return null;
    }

    /**
     * The lines to show: the country's own first when known, then the rest of the table only when the country is
     * unknown, then the international directory.
     */
    List<String> linesFor(String country) {
        List<String> lines = new ArrayList<>();
        Entry own = country == null ? null : table.get(country);
        if (own != null) {
            lines.addAll(own.lines());
        } else {
            table.values().stream().sorted((a, b) -> a.country().compareTo(b.country()))
                    .sorted((a, b) -> Integer.compare(order(a.country()), order(b.country())))
                    .forEach(e -> lines.addAll(e.lines()));
        }
        lines.add(DIRECTORY);
        return lines;
    }

    private static int order(String country) {
        int i = List.of("US", "CA", "GB", "IE", "AU").indexOf(country);
        return i < 0 ? 100 : i;
    }
}
