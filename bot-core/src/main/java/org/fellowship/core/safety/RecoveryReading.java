package org.fellowship.core.safety;

import java.util.List;
import java.util.Optional;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.engine.RecoveryDisclosure;
import org.fellowship.core.text.PhraseMatcher;
import org.fellowship.core.text.TextNormalizer;

/**
 * Reads a message as a relapse told to the group ("I relapsed last night", "day 1 again"), or, from the detector's
 * relapse-danger evidence, as a craving or relapse danger. Only moderation asks, so that such a message is never
 * punished automatically; a false reading only sends a message to a moderator instead. Thread-safe (immutable).
 */
final class RecoveryReading {
    /** Phrases of a relapse told after the fact, in the lexicon's normalised spelling. */
    static final List<String> RELAPSE_SHARES = List.of("relaps*", "day 1 again", "day one again", "back to day 1",
            "back to day one", "back at day 1", "back at day one", "starting over again", "start over again",
            "i slipped", "had a slip", "drank again", "used again", "gambled again", "fell off the wagon",
            "lost my sobriety", "lost my clean time", "reset my date", "reset my clean date", "reset my sober date",
            "broke my sobriety", "picked up again");
    /** Relapse-danger phrases that are a craving rather than a step towards using. */
    private static final List<String> CRAVING_WORDS = List.of("crav", "urge", "tempt", "itching");

    private static final PhraseMatcher SHARES = PhraseMatcher.ofPatterns(RELAPSE_SHARES);
    private final TextNormalizer normalizer = TextNormalizer.standard();

    /** What {@code text} discloses, given the detector's reading of it; empty when it is none of these. */
    Optional<RecoveryDisclosure> of(String text, Detection detection) {
        if (!SHARES.find(normalizer.normalize(text).text()).isEmpty()) {
            return Optional.of(RecoveryDisclosure.RELAPSE_SHARE);
        }
        List<String> danger = detection.evidence().stream()
                .filter(e -> e.category() == CrisisCategory.RELAPSE_DANGER && e.effectiveWeight() > 0)
                .map(Evidence::phrase).toList();
        if (danger.isEmpty()) {
            return Optional.empty();
        }
        boolean craving = danger.stream().anyMatch(p -> CRAVING_WORDS.stream().anyMatch(p::contains));
        return Optional.of(craving ? RecoveryDisclosure.CRAVING : RecoveryDisclosure.RELAPSE_DANGER);
    }
}
