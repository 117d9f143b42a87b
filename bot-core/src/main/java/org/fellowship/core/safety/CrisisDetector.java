package org.fellowship.core.safety;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.text.TextNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two-stage crisis detection. Stage 1 normalises the message and runs the {@link LexiconMatcher} over it; only
 * when a phrase is found does stage 2 run: the {@link LanguageAnalyzer} splits sentences and the
 * {@link ContextRules} discount negated, past, third-person, quoted, supportive and hypothetical mentions. Each
 * category's score is a noisy-or of its distinct phrases' weights after context (the same phrase twice counts
 * once, so long posts do not add up weak words; the crisis categories combine the same way, since intent plus
 * means is more than either), lowered further when a trained model says the message reads as a
 * supportive reply.
 *
 * <p>Thread-safe: immutable apart from a cache of per-community matchers.
 */
public final class CrisisDetector {
    private static final Logger LOG = LoggerFactory.getLogger(CrisisDetector.class);
    private static final LanguageAnalyzer FALLBACK = new SimpleLanguageAnalyzer();
    /** What each distinct risk-factor construct adds to ideation already found in the writer's own story. */
    static final double RISK_FACTOR_WEIGHT = 0.2;
    /** Below this lexicon weight a first-person phrase is a topic word, not a statement of the writer's state. */
    static final double OWN_STATE_MIN_WEIGHT = 0.3;
    /** Risk factors only add to an ideation phrase at least this strong: "worthless" is itself only a risk word. */
    static final double RISK_FACTOR_ANCHOR = 0.35;
    private static final Set<ContextRules.Reason> RAISING = Set.of(ContextRules.Reason.FIRST_PERSON_NOW,
            ContextRules.Reason.WRITER_NARRATIVE);

    private final Lexicon lexicon;
    private final LexiconMatcher builtIn;
    private final LexiconMatcher idioms;
    private final LexiconMatcher riskFactors;
    private final LanguageAnalyzer analyzer;
    private final ContextRules rules = new ContextRules();
    private final TextNormalizer normalizer = TextNormalizer.standard();
    private final Map<List<LexiconEntry>, LexiconMatcher> communityMatchers = new ConcurrentHashMap<>();

    CrisisDetector(Lexicon lexicon, LanguageAnalyzer analyzer) {
        this.lexicon = lexicon;
        this.builtIn = new LexiconMatcher(lexicon);
        this.idioms = new LexiconMatcher(new Lexicon(lexicon.idioms().stream()
                .map(i -> new LexiconEntry(i, CrisisCategory.SUICIDAL_IDEATION, 1)).toList()));
        this.riskFactors = new LexiconMatcher(new Lexicon(lexicon.riskFactors().keySet().stream()
                .map(c -> new LexiconEntry(c, CrisisCategory.SUICIDAL_IDEATION, RISK_FACTOR_WEIGHT)).toList()));
        this.analyzer = analyzer;
    }

    /** The built-in lexicon with the given analyser. */
    public static CrisisDetector standard(LanguageAnalyzer analyzer) {
        return new CrisisDetector(Lexicon.builtIn(), analyzer);
    }

    /** The built-in lexicon with the pure-Java analyser. */
    public static CrisisDetector simple() {
        return standard(FALLBACK);
    }

    public String analyzerName() {
        return analyzer.name();
    }

    public Detection detect(String message) {
        return detect(message, CommunityPolicy.defaults());
    }

    /** Looks at one message under a community's policy. Never {@code null}. */
    public Detection detect(String message, CommunityPolicy policy) {
        TextNormalizer.Normalized normalized = normalizer.normalize(message);
        String text = normalized.text();
        LexiconMatcher matcher = policy.additions().isEmpty() ? builtIn
                : communityMatchers.computeIfAbsent(policy.additions(), a -> new LexiconMatcher(lexicon.plus(a)));
        List<LexiconMatcher.Match> matches = new ArrayList<>();
        List<LexiconMatcher.Match> found = matcher.find(text);
        List<LexiconMatcher.Match> idiomatic = found.isEmpty() ? List.of() : idioms.find(text);
        for (LexiconMatcher.Match m : found) {
            boolean insideIdiom = idiomatic.stream().anyMatch(i -> i.start() <= m.start() && m.end() <= i.end());
            // a phrase inside a longer phrase found at the same place is the same evidence, counted once
            boolean insideLonger = found.stream().anyMatch(o -> o != m && o.start() <= m.start() && m.end() <= o.end()
                    && o.end() - o.start() > m.end() - m.start());
            if (!insideIdiom && !insideLonger && !policy.allows(m.entry())) {
                matches.add(m);
            }
        }
        if (matches.isEmpty()) {
            return Detection.NOTHING;
        }
        // stage 2
        List<LanguageAnalyzer.Sentence> sentences;
        double supportive;
        try {
            sentences = analyzer.analyze(text);
            supportive = analyzer.supportiveProbability(text);
        } catch (RuntimeException e) {
            LOG.warn("language analyser {} failed ({}); using the simple analyser", analyzer.name(),
                    e.getClass().getSimpleName());
            sentences = FALLBACK.analyze(text);
            supportive = Double.NaN;
        }
        int supportMarkers = rules.supportMarkers(text);
        boolean writerNarrative = rules.writerNarrative(text, supportMarkers);
        // the trained model only speaks when it is confident, and never removes more than 40 % of the evidence
        double modelFactor = Double.isNaN(supportive) || supportive <= 0.8 ? 1 : 1 - 0.4 * (supportive - 0.8) / 0.2;

        List<Evidence> evidence = new ArrayList<>();
        Map<CrisisCategory, Map<String, Double>> best = new EnumMap<>(CrisisCategory.class);
        for (LexiconMatcher.Match m : matches) {
            LanguageAnalyzer.Sentence sentence = sentenceAt(sentences, m.start(), text);
            Set<ContextRules.Reason> reasons = rules.reasons(text, sentence, m.start(), m.end(), m.entry(), supportMarkers);
            ContextRules.narrative(reasons, m.entry(), writerNarrative);
            double factor = ContextRules.factor(reasons) * (ownStateNow(m.entry(), reasons) ? 1 : modelFactor);
            int[] span = normalized.sourceSpan(m.start(), m.end());
            Evidence e = new Evidence(span[0], span[1], m.entry().phrase(), m.entry().category(), m.entry().weight(),
                    factor, reasons);
            evidence.add(e);
            best.computeIfAbsent(e.category(), c -> new HashMap<>()).merge(e.phrase(), e.effectiveWeight(), Math::max);
        }
        if (writerNarrative) {
            addRiskFactors(text, normalized, sentences, supportMarkers, matches, evidence, best);
        }
        // Crisis categories add up (intent plus means is more than either); the category is the strongest one.
        CrisisCategory topCrisis = null;
        double topCategoryScore = 0;
        double crisisNone = 1;
        double relapseScore = 0;
        for (Map.Entry<CrisisCategory, Map<String, Double>> e : best.entrySet()) {
            double none = 1;
            for (double w : e.getValue().values()) {
                none *= 1 - Math.min(1, w);
            }
            double score = 1 - none;
            if (e.getKey().isCrisis()) {
                crisisNone *= none;
                if (score > topCategoryScore) {
                    topCategoryScore = score;
                    topCrisis = e.getKey();
                }
            } else {
                relapseScore = score;
            }
        }
        double topCrisisScore = 1 - crisisNone;
        DetectorThresholds t = policy.thresholds();
        boolean flagged = topCrisisScore >= t.crisis();
        boolean relapse = relapseScore >= t.relapse();
        CrisisCategory category;
        double score;
        if (flagged || topCrisisScore >= relapseScore && topCrisis != null) {
            category = topCrisis;
            score = topCrisisScore;
        } else {
            category = relapseScore > 0 ? CrisisCategory.RELAPSE_DANGER : topCrisis;
            score = Math.max(relapseScore, topCrisisScore);
        }
        double threshold = category == CrisisCategory.RELAPSE_DANGER ? t.relapse() : t.crisis();
        Severity severity = score >= t.high() && (flagged || relapse) ? Severity.HIGH
                : score >= threshold ? Severity.MEDIUM : score > 0 ? Severity.LOW : Severity.NONE;
        return new Detection(flagged, category, severity, score, topCrisisScore, relapseScore, relapse, evidence);
    }

    /**
     * A writer stating their own ideation or self-harm now ("I'm pretty suicidal myself", "as someone who thinks about
     * suicide daily"): the supportive-reply model does not lower it, because someone who says so while comforting
     * another is at risk too. Not for the bare topic word "suicide" ("I oppose suicide") nor for means words, whose
     * first-person reading is too loose ("it sounds to me like that gun is dangerous for you").
     */
    private static boolean ownStateNow(LexiconEntry entry, Set<ContextRules.Reason> reasons) {
        return reasons.contains(ContextRules.Reason.FIRST_PERSON_NOW) && entry.weight() >= OWN_STATE_MIN_WEIGHT
                && (entry.category() == CrisisCategory.SUICIDAL_IDEATION || entry.category() == CrisisCategory.SELF_HARM);
    }

    /**
     * Risk factors (hopelessness, burdensomeness, entrapment, self-hatred, loneliness, psychological pain) are never
     * evidence alone; in a message written about the writer that already holds ideation or self-harm evidence no
     * rule discounted, each distinct construct stated without discount adds {@link #RISK_FACTOR_WEIGHT}: suicidal
     * thoughts together with hopelessness or feeling a burden are more than either.
     */
    private void addRiskFactors(String text, TextNormalizer.Normalized normalized,
                                List<LanguageAnalyzer.Sentence> sentences, int supportMarkers,
                                List<LexiconMatcher.Match> matches, List<Evidence> evidence,
                                Map<CrisisCategory, Map<String, Double>> best) {
        boolean ideation = evidence.stream().anyMatch(e -> (e.category() == CrisisCategory.SUICIDAL_IDEATION
                || e.category() == CrisisCategory.SELF_HARM) && RAISING.containsAll(e.context())
                && e.weight() >= RISK_FACTOR_ANCHOR);
        if (!ideation || lexicon.riskFactors().isEmpty()) {
            return;
        }
        for (LexiconMatcher.Match cue : riskFactors.find(text)) {
            boolean overlaps = matches.stream().anyMatch(m -> m.start() < cue.end() && cue.start() < m.end());
            String construct = lexicon.riskFactors().get(cue.entry().phrase());
            Map<String, Double> ideationBest = best.computeIfAbsent(CrisisCategory.SUICIDAL_IDEATION,
                    c -> new HashMap<>());
            if (overlaps || construct == null || ideationBest.containsKey("~" + construct)) {
                continue;
            }
            LanguageAnalyzer.Sentence sentence = sentenceAt(sentences, cue.start(), text);
            Set<ContextRules.Reason> reasons = rules.reasons(text, sentence, cue.start(), cue.end(), cue.entry(),
                    supportMarkers);
            if (!RAISING.containsAll(reasons)) {
                continue;
            }
            int[] span = normalized.sourceSpan(cue.start(), cue.end());
            evidence.add(new Evidence(span[0], span[1], "~" + construct, CrisisCategory.SUICIDAL_IDEATION,
                    RISK_FACTOR_WEIGHT, 1, Set.of(ContextRules.Reason.WRITER_NARRATIVE)));
            ideationBest.put("~" + construct, RISK_FACTOR_WEIGHT);
        }
    }

    private static LanguageAnalyzer.Sentence sentenceAt(List<LanguageAnalyzer.Sentence> sentences, int position,
                                                        String text) {
        for (LanguageAnalyzer.Sentence s : sentences) {
            if (position >= s.start() && position < s.end()) {
                return s;
            }
        }
        return new LanguageAnalyzer.Sentence(0, text.length(), FALLBACK.analyze(text).stream()
                .flatMap(s -> s.tokens().stream()).toList());
    }
}
