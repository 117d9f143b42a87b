package org.fellowship.core.safety;

import java.util.List;
import java.util.Objects;

/**
 * Stage-2 language analysis for a crisis candidate: sentences and tokens with lemmas, and optionally a trained
 * estimate of how much the text reads as a supportive reply to someone else. The detector calls it only for
 * messages stage 1 picked, because real NLP costs about a millisecond per message.
 *
 * <p><b>Input:</b> text already passed through {@link org.fellowship.core.text.TextNormalizer}; token and sentence
 * offsets index into it.
 * <b>Threading:</b> implementations must be safe to call from many conversation threads at once.
 * <b>Nullness:</b> never returns {@code null}; an empty text gives an empty list.
 * <b>Failure:</b> may throw a {@link RuntimeException}; the detector then falls back to the built-in
 * {@link SimpleLanguageAnalyzer} for that message (it never drops a candidate because analysis failed).
 */
public interface LanguageAnalyzer {
    /** One token: its surface form, its dictionary form, and its offsets in the analysed text. */
    record Token(String text, String lemma, int start, int end) {
        public Token {
            Objects.requireNonNull(text, "text");
            lemma = lemma == null || lemma.isEmpty() || lemma.equals("O") ? text : lemma;
        }
    }

    /** One sentence and its tokens, offsets in the analysed text. */
    record Sentence(int start, int end, List<Token> tokens) {
        public Sentence {
            tokens = List.copyOf(tokens);
        }
    }

    /** Splits {@code normalizedText} into sentences of lemmatised tokens. */
    List<Sentence> analyze(String normalizedText);

    /**
     * The probability in [0, 1] that the text is a reply supporting someone else rather than the writer's own
     * crisis, or {@link Double#NaN} when this analyser has no model for it (the default).
     */
    default double supportiveProbability(String normalizedText) {
        return Double.NaN;
    }

    /** A short name for logs and the evaluation report. */
    default String name() {
        return getClass().getSimpleName();
    }
}
