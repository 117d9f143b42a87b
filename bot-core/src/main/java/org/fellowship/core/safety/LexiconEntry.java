package org.fellowship.core.safety;

import java.util.Objects;
import org.fellowship.core.alert.CrisisCategory;

/**
 * One lexicon line.
 *
 * @param phrase   the words to find, as written in the lexicon (normalised before matching); a trailing {@code *}
 *                 lets the last word continue ({@code overdos*} matches "overdosed")
 * @param category what the phrase is evidence of
 * @param weight   how strong the evidence is on its own, in (0, 1]: method and plan phrases near 1, the bare word
 *                 "suicide" low
 */
public record LexiconEntry(String phrase, CrisisCategory category, double weight) {
    public LexiconEntry {
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(category, "category");
        if (phrase.isBlank()) {
            throw new IllegalArgumentException("empty phrase");
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in (0, 1]: " + weight);
        }
    }

    /** {@code true} when the last word may continue past the phrase. */
    public boolean prefix() {
        return phrase.endsWith("*");
    }

    /** The phrase without the trailing wildcard. */
    public String words() {
        return prefix() ? phrase.substring(0, phrase.length() - 1) : phrase;
    }
}
