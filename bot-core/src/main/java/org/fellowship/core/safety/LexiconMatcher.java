package org.fellowship.core.safety;

import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.text.PhraseMatcher;

/** The {@link PhraseMatcher} over a lexicon's phrases, naming the lexicon line each match came from. Immutable. */
final class LexiconMatcher {
    /**
     * One lexicon phrase found in normalised text.
     *
     * @param start first character in the normalised text
     * @param end   one past the last character
     */
    record Match(LexiconEntry entry, int start, int end) {
    }

    private final List<LexiconEntry> entries;
    private final PhraseMatcher matcher;

    LexiconMatcher(Lexicon lexicon) {
        this.entries = lexicon.entries();
        this.matcher = PhraseMatcher.ofPatterns(entries.stream().map(LexiconEntry::phrase).toList());
    }

    /** Every phrase occurrence in {@code normalized} (text from the normaliser), in order of their end. */
    List<Match> find(String normalized) {
        List<PhraseMatcher.Match> found = matcher.find(normalized);
        List<Match> matches = new ArrayList<>(found.size());
        for (PhraseMatcher.Match m : found) {
            matches.add(new Match(entries.get(m.index()), m.start(), m.end()));
        }
        return matches;
    }
}
