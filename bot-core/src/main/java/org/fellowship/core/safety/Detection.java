package org.fellowship.core.safety;

import java.util.List;
import org.fellowship.core.alert.CrisisCategory;

/**
 * What the detector concluded about one message.
 *
 * @param flagged  {@code true} when a crisis category reached the community's crisis threshold
 * @param category the strongest category (crisis categories before relapse danger when flagged), or
 *                 {@code null} when nothing was found
 * @param severity how urgent
 * @param score    the strongest category's score in [0, 1]
 * @param crisisScore  the combined score of the crisis categories in [0, 1]
 * @param relapseScore the score of imminent relapse danger in [0, 1]
 * @param relapse  {@code true} when imminent relapse danger reached its threshold (support, not a crisis page)
 * @param evidence every phrase found, with spans into the original message
 */
public record Detection(boolean flagged, CrisisCategory category, Severity severity, double score,
                        double crisisScore, double relapseScore, boolean relapse,
                        List<Evidence> evidence) {
    static final Detection NOTHING = new Detection(false, null, Severity.NONE, 0, 0, 0, false, List.of());

    public Detection {
        evidence = List.copyOf(evidence);
    }

    /** {@code true} when stage 1 found anything at all. */
    boolean candidate() {
        return !evidence.isEmpty();
    }
}
