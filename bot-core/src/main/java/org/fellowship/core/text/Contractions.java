package org.fellowship.core.text;

import java.util.Map;

/**
 * The word step of {@link TextNormalizer}: apostrophes dropped, contractions expanded whether or not they were typed
 * with one ({@code im}, {@code don't} -> {@code i am}, {@code do not}), whitespace collapsed to single spaces.
 */
final class Contractions {
    /** Contractions typed without (or with) an apostrophe; the apostrophe is gone when this table is used. */
    private static final Map<String, String> CONTRACTIONS = Map.ofEntries(
            Map.entry("im", "i am"), Map.entry("ive", "i have"), Map.entry("dont", "do not"),
            Map.entry("doesnt", "does not"), Map.entry("didnt", "did not"), Map.entry("cant", "can not"),
            Map.entry("cannot", "can not"), Map.entry("wont", "will not"), Map.entry("wouldnt", "would not"),
            Map.entry("couldnt", "could not"), Map.entry("shouldnt", "should not"), Map.entry("isnt", "is not"),
            Map.entry("arent", "are not"), Map.entry("wasnt", "was not"), Map.entry("werent", "were not"),
            Map.entry("havent", "have not"), Map.entry("hasnt", "has not"), Map.entry("hadnt", "had not"),
            Map.entry("aint", "am not"), Map.entry("youre", "you are"), Map.entry("youve", "you have"),
            Map.entry("youll", "you will"), Map.entry("theyre", "they are"), Map.entry("theyve", "they have"),
            Map.entry("thats", "that is"), Map.entry("whats", "what is"), Map.entry("theres", "there is"),
            Map.entry("gonna", "going to"), Map.entry("wanna", "want to"), Map.entry("ima", "i am going to"),
            Map.entry("imma", "i am going to"), Map.entry("idk", "i do not know"), Map.entry("u", "you"),
            Map.entry("ur", "your"), Map.entry("hes", "he is"), Map.entry("shes", "she is"));

    /** Contractions only recognisable while the apostrophe is still there ({@code we'll} vs {@code well}). */
    private static final Map<String, String> APOSTROPHE_ONLY = Map.of(
            "i'll", "i will", "we'll", "we will", "he'll", "he will", "she'll", "she will", "it'll", "it will",
            "i'd", "i would", "we're", "we are", "it's", "it is", "he'd", "he would", "she'd", "she would");

    private Contractions() {
    }

    /** Apostrophes out, contractions expanded, whitespace collapsed to single spaces, trimmed. */
    static TracedText words(TracedText in) {
        TracedText out = new TracedText();
        int n = in.length();
        int i = 0;
        while (i < n) {
            char c = in.at(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (!Character.isLetterOrDigit(c) && c != '\'') {
                space(out, in.src[i]);
                out.add(c, in.src[i]);
                i++;
                continue;
            }
            int j = i;
            while (j < n && (Character.isLetterOrDigit(in.at(j)) || in.at(j) == '\'')) {
                j++;
            }
            String raw = in.sb.substring(i, j);
            String word = trimQuotes(raw);
            int offset = raw.indexOf(word.isEmpty() ? raw : word);
            String expanded = APOSTROPHE_ONLY.get(word);
            if (expanded == null) {
                String bare = word.replace("'", "");
                if (word.endsWith("n't") && !CONTRACTIONS.containsKey(bare)) {
                    String stem = word.substring(0, word.length() - 3).replace("'", "");
                    expanded = stem.isEmpty() ? "not" : stem + " not";
                } else {
                    expanded = CONTRACTIONS.getOrDefault(bare, bare);
                }
            }
            if (!expanded.isEmpty()) {
                space(out, in.src[i]);
                int from = i + Math.max(0, offset);
                int to = Math.max(from + 1, Math.min(j, from + word.length()));
                for (int k = 0; k < expanded.length(); k++) {
                    // spread the expansion over the source word: first char to first, rest to the last
                    int source = expanded.length() == to - from ? in.src[from + k] : k == 0 ? in.src[from] : in.src[to - 1];
                    out.add(expanded.charAt(k), source);
                }
            }
            i = j;
        }
        return out;
    }

    private static String trimQuotes(String raw) {
        int a = 0;
        int b = raw.length();
        while (a < b && raw.charAt(a) == '\'') {
            a++;
        }
        while (b > a && raw.charAt(b - 1) == '\'') {
            b--;
        }
        return raw.substring(a, b);
    }

    private static void space(TracedText out, int source) {
        if (out.length() > 0 && out.at(out.length() - 1) != ' ') {
            out.add(' ', source);
        }
    }
}
