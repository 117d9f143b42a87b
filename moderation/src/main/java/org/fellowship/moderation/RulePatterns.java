package org.fellowship.moderation;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.fellowship.core.text.TextNormalizer;

/**
 * Rule patterns checked before they are saved, and regex patterns compiled safely with RE2/J: bounded in length and
 * in counted repetition, and refused when they would make RE2/J's case folding loop forever. Every refusal is an
 * {@link IllegalArgumentException} whose message is one line a moderator can act on. Stateless.
 */
final class RulePatterns {
    /** Longest keyword or phrase. */
    static final int MAX_WORDS_LENGTH = 100;
    /** Longest regex. */
    static final int MAX_REGEX_LENGTH = 300;
    /** Largest product of the counted repetitions in one regex ({@code (a{100}){100}} is 10,000). */
    static final long MAX_REPEAT_PRODUCT = 100_000;

    private RulePatterns() {
    }

    /**
     * Checks a pattern before it is saved.
     *
     * @throws IllegalArgumentException with a one-line message for the moderator
     */
    static void validate(RuleKind kind, String pattern) {
        switch (kind) {
            case KEYWORD, PHRASE -> validateWords(kind, pattern);
            case REGEX -> compile(pattern);
            default -> {
            }
        }
    }

    private static void validateWords(RuleKind kind, String pattern) {
        String p = pattern.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("Give the " + kind.word() + " to look for.");
        }
        if (p.length() > MAX_WORDS_LENGTH) {
            throw new IllegalArgumentException("That " + kind.word() + " is longer than " + MAX_WORDS_LENGTH
                    + " characters.");
        }
        String inner = p.substring(p.startsWith("*") ? 1 : 0, Math.max(p.startsWith("*") ? 1 : 0,
                p.length() - (p.endsWith("*") ? 1 : 0)));
        if (kind == RuleKind.PHRASE && (p.startsWith("*") || p.endsWith("*"))) {
            throw new IllegalArgumentException("Phrases have no wildcards; use a keyword rule for word*.");
        }
        if (inner.contains("*")) {
            throw new IllegalArgumentException("A * may only stand at the start or end: word, word*, *word or *word*.");
        }
        if (TextNormalizer.standard().fold(inner).chars().noneMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("That " + kind.word() + " has no letters or digits to match.");
        }
    }

    /**
     * Compiles a regex rule's pattern case-insensitively with RE2/J.
     *
     * @throws IllegalArgumentException with a one-line message when it is too long, too large, does not compile, or
     *                                  matches empty text (it would fire on every message)
     */
    static Pattern compile(String pattern) {
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("Give the regex to look for.");
        }
        if (pattern.length() > MAX_REGEX_LENGTH) {
            throw new IllegalArgumentException("That regex is longer than " + MAX_REGEX_LENGTH + " characters.");
        }
        if (repeatProduct(pattern) > MAX_REPEAT_PRODUCT) {
            throw new IllegalArgumentException("That regex repeats too much ({n} counts multiply past "
                    + MAX_REPEAT_PRODUCT + "); simplify it.");
        }
        if (foldHazard(pattern)) {
            throw new IllegalArgumentException("That regex uses letters U+1C80-U+1C88, which the regex engine cannot "
                    + "match case-insensitively; leave them out.");
        }
        Pattern p;
        try {
            p = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            // RE2/J quotes the pattern with the case-insensitive flag it was compiled with; show the moderator's own.
            String why = e.getMessage() == null ? "invalid syntax"
                    : e.getMessage().replace('\n', ' ').replace("`(?i)", "`");
            throw new IllegalArgumentException("That regex doesn't compile: " + why
                    + ". (RE2 syntax: no backreferences or lookaround.)");
        }
        if (p.matcher("").find()) {
            throw new IllegalArgumentException("That regex matches empty text, so it would fire on every message.");
        }
        return p;
    }

    /** First and last code point RE2/J 1.8 loops on forever when case folding them (its tables predate them). */
    private static final int HAZARD_LO = 0x1C80;
    private static final int HAZARD_HI = 0x1C88;
    /** A range covering this whole span is added without folding each rune (RE2/J's MIN_FOLD and MAX_FOLD). */
    private static final int MIN_FOLD = 0x41;
    private static final int MAX_FOLD = 0x1E943;

    /**
     * {@code true} when case-insensitive compilation would have to fold one of the runes RE2/J 1.8 never finishes
     * folding on Java 17 (Cyrillic Extended-C): as a literal, a {@code \x} escape, or inside a class range. Found by
     * the property test; the check is conservative and linear.
     */
    static boolean foldHazard(String p) {
        boolean inClass = false;
        int classBody = -1; // where the class's members start: a ']' there is a literal
        boolean range = false;
        int prev = -1;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            int cp;
            int next;
            if (c == '\\' && i + 1 < p.length()) {
                char e = p.charAt(i + 1);
                if (e == 'Q') {
                    int end = p.indexOf("\\E", i + 2);
                    String literal = end < 0 ? p.substring(i + 2) : p.substring(i + 2, end);
                    if (literal.codePoints().anyMatch(RulePatterns::hazard)) {
                        return true;
                    }
                    i = end < 0 ? p.length() : end + 2;
                    prev = -1;
                    range = false;
                    continue;
                }
                if (e == 'x') {
                    int end;
                    String hex;
                    if (i + 2 < p.length() && p.charAt(i + 2) == '{') {
                        end = p.indexOf('}', i + 3);
                        hex = end < 0 ? "" : p.substring(i + 3, end);
                        next = end < 0 ? p.length() : end + 1;
                    } else {
                        next = Math.min(p.length(), i + 4);
                        hex = p.substring(Math.min(p.length(), i + 2), next);
                    }
                    cp = hex.matches("[0-9a-fA-F]{1,6}") ? Integer.parseInt(hex, 16) : -1;
                } else {
                    // \d, \w, \p...: classes (ASCII letters only); \. \- \] and any escaped non-ASCII rune: literals
                    int escaped = p.codePointAt(i + 1);
                    cp = escaped < 0x80 && Character.isLetterOrDigit(escaped) ? -1 : escaped;
                    next = i + 1 + Character.charCount(escaped);
                }
            } else {
                cp = p.codePointAt(i);
                next = i + Character.charCount(cp);
                if (!inClass && c == '[') {
                    inClass = true;
                    prev = -1;
                    i = next;
                    classBody = i < p.length() && p.charAt(i) == '^' ? i + 1 : i;
                    continue;
                }
                if (inClass && c == ']' && i != classBody) {
                    inClass = false;
                    prev = -1;
                    range = false;
                    i = next;
                    continue;
                }
                if (inClass && c == '-' && prev >= 0 && !range) {
                    range = true;
                    i = next;
                    continue;
                }
            }
            if (cp >= 0 && hazard(cp)) {
                return true;
            }
            if (range) {
                if (cp >= 0 && prev <= HAZARD_HI && cp >= HAZARD_LO && !(prev <= MIN_FOLD && cp >= MAX_FOLD)) {
                    return true;
                }
                range = false;
                prev = -1;
            } else {
                prev = inClass ? cp : -1;
            }
            i = next;
        }
        return false;
    }

    private static boolean hazard(int cp) {
        return cp >= HAZARD_LO && cp <= HAZARD_HI;
    }

    /** Product of the upper bounds of every {@code {n}} / {@code {n,m}} in the pattern (a cheap size bound). */
    static long repeatProduct(String pattern) {
        long product = 1;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                // \x{...} and \p{...} braces are not counts
                boolean braced = i + 2 < pattern.length() && pattern.charAt(i + 2) == '{';
                int close = braced ? pattern.indexOf('}', i + 2) : -1;
                i = close > 0 ? close + 1 : i + 2;
                continue;
            }
            if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close > i) {
                    String body = pattern.substring(i + 1, close);
                    String upper = body.contains(",") ? body.substring(body.indexOf(',') + 1) : body;
                    if (upper.isEmpty() && body.indexOf(',') > 0) {
                        upper = body.substring(0, body.indexOf(',')); // {n,}: at least n
                    }
                    if (upper.matches("\\d{1,6}")) {
                        product = Math.min(Long.MAX_VALUE / 1_000_000, product * Math.max(1, Long.parseLong(upper)));
                    }
                }
            }
            i++;
        }
        return product;
    }
}
