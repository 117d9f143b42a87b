package org.fellowship.moderation;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.text.PhraseMatcher;
import org.fellowship.core.text.TextNormalizer;

/**
 * A community's content rules compiled for fast evaluation: every keyword and phrase rule in one Aho-Corasick
 * automaton (the {@link PhraseMatcher} crisis detection uses, over the same {@link TextNormalizer} form, so spelling
 * tricks do not hide a word), regex rules through RE2/J (linear time, so no pattern can hang the bot), each skipped
 * when the message lacks a literal every match needs ({@link RegexLiterals}), and one link scan. Flood and repeat
 * rules need history and are evaluated by the caller. Patterns are checked before they are saved by
 * {@link RulePatterns}.
 *
 * <p>Immutable and thread-safe once built. Rules in {@link RuleMode#OFF} are left out.
 */
public final class RuleSet {
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
                        p = RulePatterns.compile(rule.pattern());
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
}
