package org.fellowship.core.safety;

import java.util.Set;

/**
 * One lexicon phrase found in a message and what the context rules made of it.
 *
 * @param start    first character in the original message
 * @param end      one past the last character in the original message
 * @param phrase   the lexicon phrase (never the member's text)
 * @param category what it is evidence of
 * @param weight   the lexicon weight
 * @param factor   what the context left of it, in [0, 1] (1 = taken at face value)
 * @param context  the context rules that lowered it
 */
public record Evidence(int start, int end, String phrase, CrisisCategory category, double weight, double factor,
                       Set<ContextRules.Reason> context) {
    public Evidence {
        context = Set.copyOf(context);
    }

    /** The evidence this phrase contributes after context. */
    public double effectiveWeight() {
        return weight * factor;
    }
}
