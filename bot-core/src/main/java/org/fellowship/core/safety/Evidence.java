package org.fellowship.core.safety;

import java.util.Set;
import org.fellowship.core.alert.CrisisCategory;

/**
 * One lexicon phrase found in a message and what the context rules made of it.
 *
 * @param start    first character in the original message
 * @param end      one past the last character in the original message
 * @param phrase   the lexicon phrase (never the member's text)
 * @param category what it is evidence of
 * @param weight   the lexicon weight
 * @param factor   what the context made of it (1 = taken at face value, below 1 lowered, above 1 raised)
 * @param context  the context rules that applied
 */
record Evidence(int start, int end, String phrase, CrisisCategory category, double weight, double factor,
                       Set<ContextRules.Reason> context) {
    public Evidence {
        context = Set.copyOf(context);
    }

    /** The evidence this phrase contributes after context. */
    public double effectiveWeight() {
        return Math.min(0.95, weight * factor);
    }
}
