package org.fellowship.moderation;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.text.PhraseMatcher;
import org.fellowship.core.text.TextNormalizer;

/**
 * A community's content rules compiled for fast evaluation: every keyword and phrase rule in one Aho-Corasick
 * automaton (the {@link PhraseMatcher} crisis detection uses, over the same {@link TextNormalizer} form, so spelling
 * tricks do not hide a word), regex rules through RE2/J (linear time, so no pattern can hang the bot), each skipped
 * when the message lacks a literal every match needs ({@link RegexLiterals}), and one link scan. Flood and repeat rules need history and are evaluated by the caller.
 *
 * <p>Immutable and thread-safe once built. Rules in {@link RuleMode#OFF} are left out.
 */
public final class RuleSet {
    /** Longest keyword or phrase. */
    public static final int MAX_WORDS_LENGTH = 100;
    /** Longest regex. */
    public static final int MAX_REGEX_LENGTH = 300;
    /** Largest product of the counted repetitions in one regex ({@code (a{100}){100}} is 10,000). */
    static final long MAX_REPEAT_PRODUCT = 100_000;

    private final List<Rule> wordRules;
    private final PhraseMatcher words;
    private final List<Rule> regexRules;
    private final List<Pattern> regexes;
    /** Per regex: a literal every match contains (lower case), or null when the regex must always run. */
    private final List<String> regexLiterals;
    private final boolean anyLiteral;
    private final List<Rule> linkRules;
    private final List<Rule> mentionRules;
    private final List<Rule> historyRules;
    private final ModerationSettings settings;

    private RuleSet(List<Rule> rules, ModerationSettings settings) {
        this.settings = settings;
        List<Rule> w = new ArrayList<>();
        List<Rule> r = new ArrayList<>();
        List<Pattern> rx = new ArrayList<>();
        List<String> lit = new ArrayList<>();
        List<Rule> l = new ArrayList<>();
        List<Rule> m = new ArrayList<>();
        List<Rule> h = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.mode() == RuleMode.OFF) {
                continue;
            }
            switch (rule.kind()) {
                case KEYWORD, PHRASE -> w.add(rule);
                case REGEX -> {
                    Pattern p;
                    try {
                        p = compile(rule.pattern());
                    } catch (IllegalArgumentException e) {
                        continue; // validated when saved; a stored pattern this build rejects is skipped, not fatal
                    }
                    r.add(rule);
                    rx.add(p);
                    lit.add(RegexLiterals.required(rule.pattern()));
                }
                case LINK, INVITE -> l.add(rule);
                case MENTIONS -> m.add(rule);
                case FLOOD, REPEAT -> h.add(rule);
                default -> throw new IllegalStateException("unknown rule kind " + rule.kind());
            }
        }
        this.wordRules = List.copyOf(w);
        this.words = PhraseMatcher.ofPatterns(w.stream().map(Rule::pattern).toList());
        this.regexRules = List.copyOf(r);
        this.regexes = List.copyOf(rx);
        this.regexLiterals = java.util.Collections.unmodifiableList(lit);
        this.anyLiteral = lit.stream().anyMatch(java.util.Objects::nonNull);
        this.linkRules = List.copyOf(l);
        this.mentionRules = List.copyOf(m);
        this.historyRules = List.copyOf(h);
    }

    /** Compiles the rules that are not {@link RuleMode#OFF}. */
    public static RuleSet compile(List<Rule> rules, ModerationSettings settings) {
        return new RuleSet(rules, settings);
    }

    public ModerationSettings settings() {
        return settings;
    }

    /** Flood and repeat rules, which the caller evaluates against message history. */
    public List<Rule> historyRules() {
        return historyRules;
    }

    /** {@code true} when there is nothing to evaluate at all. */
    public boolean isEmpty() {
        return wordRules.isEmpty() && regexRules.isEmpty() && linkRules.isEmpty() && mentionRules.isEmpty()
                && historyRules.isEmpty();
    }

    /**
     * The content rules that fire on one message, at most one hit per rule, in rule order of kind.
     *
     * @param text     the raw message text
     * @param mentions how many members or roles it mentions, as the platform reported it (0 when unknown)
     */
    public List<Hit> evaluate(String text, int mentions) {
        List<Hit> hits = new ArrayList<>(2);
        if (!wordRules.isEmpty()) {
            TextNormalizer.Normalized n = TextNormalizer.standard().normalize(text);
            boolean[] seen = new boolean[wordRules.size()];
            for (PhraseMatcher.Match m : words.find(n.text())) {
                if (seen[m.index()]) {
                    continue;
                }
                seen[m.index()] = true;
                Rule rule = wordRules.get(m.index());
                int[] span = n.sourceSpan(m.start(), m.end());
                hits.add(new Hit(rule, span[0], span[1], rule.kind().word() + " \"" + rule.pattern() + "\" matched"));
            }
        }
        if (!regexRules.isEmpty()) {
            // Most messages contain none of the literals the regexes require: skip those regexes without running them.
            String folded = anyLiteral ? RegexLiterals.fold(text) : text;
            for (int i = 0; i < regexes.size(); i++) {
                String literal = regexLiterals.get(i);
                if (literal != null && !folded.contains(literal)) {
                    continue;
                }
                Matcher m = regexes.get(i).matcher(text);
                if (m.find()) {
                    Rule rule = regexRules.get(i);
                    hits.add(new Hit(rule, m.start(), m.end(), "regex \"" + rule.pattern() + "\" matched"));
                }
            }
        }
        if (!linkRules.isEmpty()) {
            List<Links.Link> links = Links.find(text);
            for (Rule rule : linkRules) {
                for (Links.Link link : links) {
                    boolean fires = rule.kind() == RuleKind.INVITE ? link.invite() : !settings.allows(link.host());
                    if (fires) {
                        hits.add(new Hit(rule, link.start(), link.end(), (rule.kind() == RuleKind.INVITE ? "invite to "
                                : "link to ") + link.host() + (rule.kind() == RuleKind.LINK ? " (not on the allow-list)" : "")));
                        break;
                    }
                }
            }
        }
        if (!mentionRules.isEmpty()) {
            int count = Math.max(mentions, countMentions(text));
            for (Rule rule : mentionRules) {
                if (count >= rule.limit()) {
                    hits.add(new Hit(rule, 0, 0, count + " mentions (limit " + rule.limit() + ")"));
                }
            }
        }
        return hits;
    }

    /** {@code @name} and Discord's {@code <@123>} / {@code <@&123>} mentions typed in the text. */
    static int countMentions(String text) {
        int count = 0;
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '@' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                    && (Character.isLetterOrDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '_'
                    || text.charAt(i + 1) == '&')) {
                count++;
            }
        }
        return count;
    }

    /**
     * Checks a pattern before it is saved.
     *
     * @throws IllegalArgumentException with a one-line message for the moderator
     */
    public static void validate(RuleKind kind, String pattern) {
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
                    if (literal.codePoints().anyMatch(RuleSet::hazard)) {
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
