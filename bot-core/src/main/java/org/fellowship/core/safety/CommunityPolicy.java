package org.fellowship.core.safety;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.fellowship.core.text.TextNormalizer;

/**
 * A community's adjustments to crisis support, set by its moderators with {@code /crisis}: extra lexicon phrases,
 * an allow-list of phrases that mean something harmless there (matched after normalisation, e.g. a band's name),
 * its thresholds, the country whose crisis lines to show when a member's own country is unknown, and its own
 * crisis lines per country (shown instead of the built-in ones). Immutable.
 *
 * @param additions  phrases added to the built-in lexicon
 * @param allowList  phrases (as written in the lexicon) to ignore
 * @param thresholds when to alert
 * @param country    ISO 3166 alpha-2 code of the community's default country, or {@code null}
 * @param lines      the community's own crisis lines by country code (upper case)
 */
public record CommunityPolicy(List<LexiconEntry> additions, Set<String> allowList, DetectorThresholds thresholds,
                              String country, Map<String, List<String>> lines) {
    /** At most this many additions, allow-list entries or overridden countries (a policy is read per message). */
    static final int MAX_ENTRIES = 200;

    public CommunityPolicy {
        additions = List.copyOf(additions);
        allowList = allowList.stream().map(p -> TextNormalizer.standard().fold(p).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(thresholds, "thresholds");
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        Map<String, List<String>> copy = new TreeMap<>();
        (lines == null ? Map.<String, List<String>>of() : lines)
                .forEach((c, l) -> copy.put(c.toUpperCase(Locale.ROOT), List.copyOf(l)));
        lines = Collections.unmodifiableMap(copy);
    }

    public CommunityPolicy(List<LexiconEntry> additions, Set<String> allowList, DetectorThresholds thresholds) {
        this(additions, allowList, thresholds, null, Map.of());
    }

    /** No additions, nothing allowed, default thresholds, no country, the built-in lines. */
    public static CommunityPolicy defaults() {
        return DEFAULTS;
    }

    private static final CommunityPolicy DEFAULTS = new CommunityPolicy(List.of(), Set.of(), DetectorThresholds.defaults());

    /** {@code true} when the community allow-listed this lexicon phrase. */
    boolean allows(LexiconEntry entry) {
        return !allowList.isEmpty() && allowList.contains(TextNormalizer.standard().fold(entry.words()));
    }

    /** This policy with {@code entry} added (replacing an addition of the same phrase). */
    CommunityPolicy withAddition(LexiconEntry entry) {
        List<LexiconEntry> more = new ArrayList<>(additions.stream().filter(e -> !e.phrase().equals(entry.phrase()))
                .toList());
        more.add(entry);
        return new CommunityPolicy(more, allowList, thresholds, country, lines);
    }

    /** This policy with {@code phrase} allow-listed. */
    CommunityPolicy withAllowed(String phrase) {
        Set<String> more = new LinkedHashSet<>(allowList);
        more.add(phrase);
        return new CommunityPolicy(additions, more, thresholds, country, lines);
    }

    /** This policy without {@code phrase} among its additions and allow-list. */
    public CommunityPolicy without(String phrase) {
        String folded = TextNormalizer.standard().fold(phrase).toLowerCase(Locale.ROOT);
        return new CommunityPolicy(additions.stream().filter(e -> !e.phrase().equals(phrase.strip())).toList(),
                allowList.stream().filter(p -> !p.equals(folded)).collect(Collectors.toSet()), thresholds, country,
                lines);
    }

    CommunityPolicy withThresholds(DetectorThresholds newThresholds) {
        return new CommunityPolicy(additions, allowList, newThresholds, country, lines);
    }

    public CommunityPolicy withCountry(String newCountry) {
        return new CommunityPolicy(additions, allowList, thresholds, newCountry, lines);
    }

    /** This policy with its own lines for {@code country}, or back to the built-in ones when {@code null}. */
    public CommunityPolicy withLines(String forCountry, List<String> newLines) {
        Map<String, List<String>> copy = new TreeMap<>(lines);
        if (newLines == null) {
            copy.remove(forCountry.toUpperCase(Locale.ROOT));
        } else {
            copy.put(forCountry.toUpperCase(Locale.ROOT), newLines);
        }
        return new CommunityPolicy(additions, allowList, thresholds, country, copy);
    }

    /** {@code base} with this community's own lines in place of the built-in ones. */
    CrisisResources resources(CrisisResources base) {
        CrisisResources result = base;
        for (Map.Entry<String, List<String>> e : lines.entrySet()) {
            result = result.withOverride(new CrisisResources.Entry(e.getKey(), e.getKey(), e.getValue()));
        }
        return result;
    }
}
