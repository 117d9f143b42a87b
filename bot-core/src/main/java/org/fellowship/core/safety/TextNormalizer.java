package org.fellowship.core.safety;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

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

    /** Look-alike letters from other scripts that render like a Latin letter. */
    private static final Map<Character, Character> CONFUSABLES = Map.ofEntries(
            // Cyrillic
            Map.entry('а', 'a'), Map.entry('в', 'b'), Map.entry('е', 'e'), Map.entry('ё', 'e'), Map.entry('к', 'k'),
            Map.entry('м', 'm'), Map.entry('н', 'h'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('т', 't'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'), Map.entry('ї', 'i'),
            Map.entry('ј', 'j'), Map.entry('ѕ', 's'), Map.entry('ԁ', 'd'), Map.entry('ӏ', 'l'), Map.entry('ԛ', 'q'),
            Map.entry('ԝ', 'w'), Map.entry('һ', 'h'), Map.entry('ү', 'y'), Map.entry('ɡ', 'g'),
            // Greek
            Map.entry('α', 'a'), Map.entry('β', 'b'), Map.entry('ε', 'e'), Map.entry('η', 'n'), Map.entry('ι', 'i'),
            Map.entry('κ', 'k'), Map.entry('ν', 'v'), Map.entry('ο', 'o'), Map.entry('ρ', 'p'), Map.entry('τ', 't'),
            Map.entry('υ', 'u'), Map.entry('χ', 'x'), Map.entry('ω', 'w'), Map.entry('ς', 's'), Map.entry('σ', 'o'),
            Map.entry('γ', 'y'), Map.entry('μ', 'u'),
            // Latin look-alikes that NFKC keeps
            Map.entry('ı', 'i'), Map.entry('ł', 'l'), Map.entry('ø', 'o'), Map.entry('đ', 'd'), Map.entry('ß', 's'));

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
        Buf b = foldChars(input);
        b = leet(b);
        b = squeezeRuns(b);
        b = joinSplitLetters(b);
        b = squeezeRuns(words(b));
        // Dropping apostrophes and extra spaces can line up new split letters or contractions: settle them.
        for (int round = 0; round < 3; round++) {
            String before = b.sb.toString();
            b = squeezeRuns(words(joinSplitLetters(b)));
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

    /** A growing text with one source index per character. */
    private static final class Buf {
        final StringBuilder sb;
        int[] src;

        Buf() {
            this(16);
        }

        Buf(int capacity) {
            sb = new StringBuilder(Math.max(16, capacity));
            src = new int[Math.max(16, capacity)];
        }

        void add(char c, int source) {
            if (sb.length() == src.length) {
                src = Arrays.copyOf(src, src.length * 2);
            }
            src[sb.length()] = source;
            sb.append(c);
        }

        int length() {
            return sb.length();
        }

        char at(int i) {
            return sb.charAt(i);
        }

        int[] trimmedSources() {
            return Arrays.copyOf(src, sb.length());
        }
    }

    /** NFKC per code point, accents off, case folded, look-alikes folded, invisible characters removed. */
    private static Buf foldChars(String input) {
        Buf out = new Buf(input.length() + 8);
        int i = 0;
        while (i < input.length()) {
            int cp = input.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp < 0x80) {
                // Plain ASCII (most chat text): nothing to decompose or fold but case and odd spacing. Done inline,
                // because the general path below allocates several strings per character.
                char c = (char) cp;
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                } else if (c == '`') {
                    c = '\'';
                } else if (c != '\n' && Character.isWhitespace(c)) {
                    c = ' ';
                }
                out.add(c, i);
            } else if (!invisible(cp)) {
                String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
                for (int k = 0; k < nfkc.length(); k++) {
                    char c = nfkc.charAt(k);
                    if (Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.ENCLOSING_MARK) {
                        continue;
                    }
                    String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
                    for (int l = 0; l < lower.length(); l++) {
                        char lc = lower.charAt(l);
                        Character latin = CONFUSABLES.get(lc);
                        if (latin != null) {
                            lc = latin;
                        } else if (lc == '\u2019' || lc == '\u2018' || lc == '`' || lc == '\u00b4' || lc == '\u02bc') {
                            lc = '\'';
                        } else if (lc == '\u201c' || lc == '\u201d' || lc == '\u00ab' || lc == '\u00bb') {
                            lc = '"';
                        } else if (lc != '\n' && (Character.isWhitespace(lc) || Character.isSpaceChar(lc))) {
                            lc = ' ';
                        }
                        out.add(lc, i);
                    }
                }
            }
            i += width;
        }
        return out;
    }

    private static boolean invisible(int cp) {
        return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD
                || cp == 0x180E || cp == 0x034F || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x2061 && cp <= 0x2064)
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0xE0000 && cp <= 0xE007F);
    }

    /** Digits and symbols standing in for letters, only inside a run that also holds a letter. */
    private static Buf leet(Buf in) {
        Buf out = new Buf();
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
    private static Buf squeezeRuns(Buf in) {
        Buf out = new Buf();
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
    private static Buf joinSplitLetters(Buf in) {
        Buf out = new Buf();
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

    /** Apostrophes out, contractions expanded, whitespace collapsed to single spaces, trimmed. */
    private static Buf words(Buf in) {
        Buf out = new Buf();
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

    private static void space(Buf out, int source) {
        if (out.length() > 0 && out.at(out.length() - 1) != ' ') {
            out.add(' ', source);
        }
    }
}
