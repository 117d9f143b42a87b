package org.fellowship.core.text;

import java.util.Arrays;

/**
 * Folds chat text into one comparable form before matching, so spelling tricks do not hide words: Unicode NFKC,
 * accents removed, case folded, Cyrillic/Greek look-alike letters folded to Latin, zero-width and joiner
 * characters removed, leetspeak inside words ({@code k1ll}, {@code $uicide}), runs of four or more equal letters
 * shortened to three ({@code killllll} -> {@code killl}), split letters joined ({@code k i l l}, {@code k.i.l.l}), and apostrophes
 * dropped with contractions expanded whether or not they were typed ({@code im}, {@code don't} -> {@code i am},
 * {@code do not}).
 *
 * <p>The result keeps, for every output character, the index of the input character it came from, so evidence
 * spans can point into the original message. Stateless and thread-safe; never returns {@code null}.
 */
public final class TextNormalizer {
    private static final TextNormalizer INSTANCE = new TextNormalizer();

    /** The shared instance. */
    public static TextNormalizer standard() {
        return INSTANCE;
    }

    /**
     * Text in the normalised form, and where each of its characters came from.
     *
     * @param text    the normalised text: lower case, Latin letters, single spaces between words
     * @param sources for each character of {@code text}, the index in the original input
     */
    public record Normalized(String text, int[] sources) {
        public Normalized {
            if (text.length() != sources.length) {
                throw new IllegalArgumentException("one source index per character");
            }
        }

        /** The original span {@code [start, end)} that produced normalised characters {@code [from, to)}. */
        public int[] sourceSpan(int from, int to) {
            if (from >= to || sources.length == 0) {
                return new int[] {0, 0};
            }
            return new int[] {sources[from], sources[to - 1] + 1};
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Normalized n && n.text.equals(text) && Arrays.equals(n.sources, sources);
        }

        @Override
        public int hashCode() {
            return text.hashCode() * 31 + Arrays.hashCode(sources);
        }

        @Override
        public String toString() {
            return "Normalized[" + text.length() + " chars]";
        }
    }

    /** Normalises {@code input} ({@code null} counts as empty). */
    public Normalized normalize(String input) {
        if (input == null || input.isEmpty()) {
            return new Normalized("", new int[0]);
        }
        TracedText b = CharacterFolding.fold(input);
        b = leet(b);
        b = squeezeRuns(b);
        b = joinSplitLetters(b);
        b = squeezeRuns(Contractions.words(b));
        // Dropping apostrophes and extra spaces can line up new split letters or contractions: settle them.
        for (int round = 0; round < 3; round++) {
            String before = b.sb.toString();
            b = squeezeRuns(Contractions.words(joinSplitLetters(b)));
            if (b.sb.toString().equals(before)) {
                break;
            }
        }
        return new Normalized(b.sb.toString(), b.trimmedSources());
    }

    /** Shortcut for the normalised text alone. */
    public String fold(String input) {
        return normalize(input).text();
    }

    /** Digits and symbols standing in for letters, only inside a run that also holds a letter. */
    private static TracedText leet(TracedText in) {
        TracedText out = new TracedText();
        int i = 0;
        int n = in.length();
        while (i < n) {
            if (!wordish(in.at(i))) {
                out.add(in.at(i), in.src[i]);
                i++;
                continue;
            }
            int j = i;
            boolean letter = false;
            while (j < n && wordish(in.at(j))) {
                letter |= Character.isLetter(in.at(j));
                j++;
            }
            // trailing '!' or '$' are punctuation unless a letter follows inside the run
            int end = j;
            while (end > i && (in.at(end - 1) == '!' || in.at(end - 1) == '$' && end - 1 > i)) {
                end--;
            }
            for (int k = i; k < j; k++) {
                char c = in.at(k);
                if (letter && k < end && !Character.isLetter(c)) {
                    char prev = out.length() > 0 ? out.at(out.length() - 1) : ' ';
                    c = switch (c) {
                        case '0' -> 'o';
                        case '1', '|' -> prev == 'i' || prev == 'l' ? 'l' : 'i';
                        case '!' -> 'i';
                        case '3' -> 'e';
                        case '4', '@' -> 'a';
                        case '5', '$' -> 's';
                        case '7', '+' -> 't';
                        case '8' -> 'b';
                        case '9' -> 'g';
                        default -> c;
                    };
                }
                out.add(c, in.src[k]);
            }
            i = j;
        }
        return out;
    }

    private static boolean wordish(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '$' || c == '!' || c == '|' || c == '+';
    }

    /**
     * Four or more of the same letter become three ({@code sooooo} -> {@code sooo}): a stretched word stays marked
     * as stretched, so the matcher can tell "diiie" (die) from "good" (not god).
     */
    private static TracedText squeezeRuns(TracedText in) {
        TracedText out = new TracedText();
        for (int i = 0; i < in.length(); i++) {
            char c = in.at(i);
            int len = out.length();
            if (Character.isLetter(c) && len >= 3 && out.at(len - 1) == c && out.at(len - 2) == c && out.at(len - 3) == c) {
                continue;
            }
            out.add(c, in.src[i]);
        }
        return out;
    }

    /**
     * Joins three or more single letters separated by one separator ({@code k i l l}, {@code k.i.l.l},
     * {@code k-i-l-l}) into one word.
     */
    private static TracedText joinSplitLetters(TracedText in) {
        TracedText out = new TracedText();
        int n = in.length();
        int i = 0;
        while (i < n) {
            if (Character.isLetter(in.at(i)) && (i == 0 || !Character.isLetterOrDigit(in.at(i - 1)))) {
                int j = i;
                int letters = 0;
                int last = i;
                char sep = 0;
                while (j < n && Character.isLetter(in.at(j)) && (j + 1 >= n || !Character.isLetterOrDigit(in.at(j + 1)))) {
                    letters++;
                    last = j + 1;
                    int k = j + 1;
                    if (k < n && separator(in.at(k)) && (sep == 0 || sep == in.at(k))) {
                        char s = in.at(k);
                        while (k < n && in.at(k) == s && s == ' ') {
                            k++; // several spaces count as one separator
                        }
                        if (s != ' ') {
                            k++;
                        }
                        if (k < n && Character.isLetter(in.at(k))) {
                            sep = s;
                            j = k;
                            continue;
                        }
                    }
                    break;
                }
                j = last;
                if (letters >= 3) {
                    for (int k = i; k < j; k++) {
                        if (Character.isLetter(in.at(k))) {
                            out.add(in.at(k), in.src[k]);
                        }
                    }
                    i = j;
                    continue;
                }
            }
            out.add(in.at(i), in.src[i]);
            i++;
        }
        return out;
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*';
    }

}
