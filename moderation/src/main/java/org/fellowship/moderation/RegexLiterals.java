package org.fellowship.moderation;

import java.util.Locale;

/**
 * A cheap pre-check for regex rules: the longest run of plain characters every match must contain (for
 * {@code b(u|oo)y\s+now} that is {@code now}), so a message without it skips the regex altogether. Conservative:
 * when unsure (a top-level {@code |}, escapes it does not know) it finds nothing and the regex always runs.
 * Stateless and thread-safe.
 */
final class RegexLiterals {
    /** Shorter runs filter too little to be worth a lookup. */
    static final int MIN_LENGTH = 3;
    /** A flags-only group followed by a quantifier, which then applies to the atom before the flags. */
    private static final java.util.regex.Pattern QUANTIFIED_FLAGS =
            java.util.regex.Pattern.compile("\\(\\?[a-zA-Z-]*\\)[*+?{]");

    private RegexLiterals() {
    }

    /**
     * The required literal in lower case, or {@code null} when there is none worth using. Only ASCII runs are used,
     * matched against {@link #fold(String)} of the text, so case-insensitive matching keeps them required.
     */
    static String required(String pattern) {
        if (QUANTIFIED_FLAGS.matcher(pattern).find()) {
            return null; // "abc(?i)?": the quantifier reaches back over the flags to the 'c', which is then optional
        }
        String best = null;
        StringBuilder run = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            int literal = -1;
            int next = i + 1;
            if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                char e = pattern.charAt(i + 1);
                // Escaped punctuation is itself; letters and digits are classes, assertions or codes.
                literal = Character.isLetterOrDigit(e) || e > 127 ? -1 : e;
                next = i + 2;
                if (e == 'x' || e == 'p' || e == 'P') {
                    if (i + 2 < n && pattern.charAt(i + 2) == '{') {
                        int close = pattern.indexOf('}', i + 2);
                        next = close < 0 ? n : close + 1;
                    } else {
                        next = Math.min(n, e == 'x' ? i + 4 : i + 3);
                    }
                } else if (e == 'Q') {
                    return best; // quoted text: stop here, keep what was found before it
                }
            } else if (c == '[') {
                next = skipClass(pattern, i);
            } else if (c == '(') {
                int close = skipGroup(pattern, i);
                if (close < 0) {
                    return null;
                }
                next = close;
            } else if (c == '|') {
                return null; // top-level alternatives: no single literal is required
            } else if (c == ')' || c == '.' || c == '^' || c == '$') {
                literal = -1;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                // {n}, {n,} or {n,m} is a repeat to skip; any other brace is conservatively not a literal
                if (close > i && pattern.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
                    next = close + 1;
                }
            } else if (c == '*' || c == '+' || c == '?') {
                literal = -1;
            } else if (c < 128) {
                literal = c;
            }
            // A quantifier after the atom: '*', '?' and {0,..} make it optional; '+' and {n>=1} keep it but end the run.
            char q = next < n ? pattern.charAt(next) : 0;
            boolean optional = q == '*' || q == '?' || q == '{' && next + 1 < n && pattern.charAt(next + 1) == '0';
            boolean repeated = q == '+' || q == '{' && !optional;
            if (literal >= 0 && !optional) {
                run.append(Character.toLowerCase((char) literal));
            }
            if (literal < 0 || optional || repeated) {
                best = longer(best, run);
                run.setLength(0);
            }
            i = next;
        }
        return longer(best, run);
    }

    private static String longer(String best, StringBuilder run) {
        if (run.length() >= MIN_LENGTH && (best == null || run.length() > best.length())) {
            return run.toString();
        }
        return best;
    }

    /** Index after the class starting at {@code start} ('['), honouring escapes and a leading ']'. */
    private static int skipClass(String p, int start) {
        int i = start + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                i = close < 0 ? p.length() : close + 2;
                continue;
            }
            if (c == ']') {
                return i + 1;
            }
            i++;
        }
        return p.length();
    }

    /** Index after the group starting at {@code start} ('('), or -1 when it never closes. */
    private static int skipGroup(String p, int start) {
        int depth = 0;
        int i = start;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                i = skipClass(p, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }

    /**
     * The text in the form literals are looked up in: ASCII letters lower-cased, and the two non-ASCII letters
     * whose case folding reaches ASCII (long s, Kelvin sign) mapped to it; everything else unchanged.
     */
    static String fold(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '\u017f' ? 's' : c == '\u212a' ? 'k' : c;
            if (f != c) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = f;
            }
        }
        return out == null ? text : new String(out);
    }

    static String describe(String literal) {
        return literal == null ? "none" : literal.toLowerCase(Locale.ROOT);
    }
}
