package org.fellowship.core.safety;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A community's adjustments to crisis detection: extra lexicon phrases, an allow-list of built-in phrases that
 * mean something harmless there (matched after normalisation, e.g. a local slang word), and its thresholds.
 *
 * @param additions  phrases added to the built-in lexicon
 * @param allowList  phrases (as written in the lexicon) to ignore
 * @param thresholds when to alert
 */
public record CommunityPolicy(List<LexiconEntry> additions, Set<String> allowList, DetectorThresholds thresholds) {
    public CommunityPolicy {
        additions = List.copyOf(additions);
        allowList = allowList.stream().map(p -> TextNormalizer.standard().fold(p).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(thresholds, "thresholds");
    }

    /** No additions, nothing allowed, default thresholds. */
    public static CommunityPolicy defaults() {
        return DEFAULTS;
    }

    private static final CommunityPolicy DEFAULTS = new CommunityPolicy(List.of(), Set.of(), DetectorThresholds.defaults());

    /** {@code true} when the community allow-listed this lexicon phrase. */
    public boolean allows(LexiconEntry entry) {
        return !allowList.isEmpty() && allowList.contains(TextNormalizer.standard().fold(entry.words()));
    }
}
