package org.fellowship.core.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The first step of {@link TextNormalizer}, one character at a time: compatibility forms decomposed, accents off,
 * case folded, look-alike letters of other scripts folded to Latin, curly quotes made straight and invisible
 * characters (zero-width, joiners, bidi controls, variation selectors) removed.
 */
final class CharacterFolding {
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

    private CharacterFolding() {
    }

    /** NFKC per code point, accents off, case folded, look-alikes folded, invisible characters removed. */
    static TracedText fold(String input) {
        TracedText out = new TracedText(input.length() + 8);
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
}
