package org.fellowship.core.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pure-Java {@link LanguageAnalyzer}: sentences end at {@code . ! ?} and line breaks, tokens are the words of
 * the normalised text, lemmas come from a small table of irregular verbs plus suffix rules. Good enough for the
 * context rules; the app uses OpenNLP instead. Stateless and thread-safe.
 */
final class SimpleLanguageAnalyzer implements LanguageAnalyzer {
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("was", "be"), Map.entry("were", "be"), Map.entry("am", "be"), Map.entry("is", "be"),
            Map.entry("are", "be"), Map.entry("been", "be"), Map.entry("had", "have"), Map.entry("has", "have"),
            Map.entry("did", "do"), Map.entry("does", "do"), Map.entry("took", "take"), Map.entry("taken", "take"),
            Map.entry("thought", "think"), Map.entry("felt", "feel"), Map.entry("went", "go"), Map.entry("said", "say"),
            Map.entry("told", "tell"), Map.entry("made", "make"), Map.entry("got", "get"), Map.entry("cut", "cut"),
            Map.entry("drank", "drink"), Map.entry("drunk", "drink"), Map.entry("bought", "buy"), Map.entry("left", "leave"));

    @Override
    public List<Sentence> analyze(String text) {
        List<Sentence> sentences = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        int sentenceStart = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            int j = i + 1;
            if (Character.isLetterOrDigit(c)) {
                while (j < n && Character.isLetterOrDigit(text.charAt(j))) {
                    j++;
                }
            }
            String word = text.substring(i, j);
            if (sentenceStart < 0) {
                sentenceStart = i;
            }
            tokens.add(new Token(word, lemma(word), i, j));
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                sentences.add(new Sentence(sentenceStart, j, tokens));
                tokens = new ArrayList<>();
                sentenceStart = -1;
            }
            i = j;
        }
        if (!tokens.isEmpty()) {
            sentences.add(new Sentence(sentenceStart, n, tokens));
        }
        return sentences;
    }

    static String lemma(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() > 5 && word.endsWith("ing")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.length() > 4 && word.endsWith("ed")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    @Override
    public String name() {
        return "simple";
    }
}
