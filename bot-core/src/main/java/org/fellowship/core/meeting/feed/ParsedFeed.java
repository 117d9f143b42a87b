package org.fellowship.core.meeting.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fellowship.core.meeting.Meeting;

/**
 * What a feed held: the meetings it could use, and how many entries it skipped, per reason.
 *
 * @param meetings usable meetings, in feed order, unique by slug
 * @param skipped  reason (such as "no time") -> count, in the order reasons were first seen
 * @param warnings problem in a kept meeting (such as an ignored end time) -> count, in first-seen order
 * @param readInFallbackZone how many kept meetings named no zone in a feed that names none either, so their times
 *                 were read in the community's zone
 */
public record ParsedFeed(List<Meeting> meetings, Map<String, Integer> skipped, Map<String, Integer> warnings,
                         int readInFallbackZone) {
    public ParsedFeed {
        meetings = List.copyOf(meetings);
        skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        warnings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(warnings));
    }

    /** A feed without warnings whose meetings all name their zone. */
    public ParsedFeed(List<Meeting> meetings, Map<String, Integer> skipped) {
        this(meetings, skipped, Map.of(), 0);
    }

    /** For example {@code "2 (end time before start, ignored)"}, or {@code ""} when there were none. */
    public String warningsSummary() {
        return warnings.entrySet().stream().map(e -> e.getValue() + " (" + e.getKey() + ")")
                .collect(Collectors.joining(", "));
    }

    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** For example {@code "3 (no time), 1 (bad day)"}, or {@code "0"}. */
    public String skippedSummary() {
        if (skipped.isEmpty()) {
            return "0";
        }
        return skipped.entrySet().stream().map(e -> e.getValue() + " (" + e.getKey() + ")")
                .collect(Collectors.joining(", "));
    }
}
