package org.fellowship.core.safety;

import org.fellowship.core.alert.CrisisCategory;

/**
 * The semantic stage of crisis detection: reads what a message means rather than which phrases it contains ("the
 * car is running in the closed garage", "I gave my dog to my neighbour, she'll have a better life without me"), and
 * combines that with the lexicon's score into one crisis verdict.
 *
 * <p>Implemented outside the core (the app runs a sentence-embedding model), like {@link LanguageAnalyzer}.
 * <b>Cost:</b> milliseconds of CPU per message, so the core calls it off the engine's worker threads through
 * {@link SemanticStage}, except for the rare message moderation is about to act on. <b>Threading:</b> must be safe to
 * call from several threads at once. <b>Failure:</b> may throw a {@link RuntimeException}; the lexicon's result then
 * stands for that message. <b>Nullness:</b> never returns {@code null}.
 */
public interface SemanticScorer {
    /**
     * What the semantic stage read.
     *
     * @param probability the combined crisis probability in [0, 1]
     * @param crisis      {@code true} when it reaches the model's threshold
     * @param category    the crisis category of the closest risk statement, or {@code null} when none is close
     * @param start       first character (in the original message) of the part that read most like a risk
     * @param end         one past its last character ({@code start == end} when unknown)
     * @param basis       the id of the closest reference risk statement (never the member's text), for logs and
     *                    evidence, or {@code null}
     */
    record Reading(double probability, boolean crisis, CrisisCategory category, int start, int end, String basis) {
        public static final Reading NONE = new Reading(0, false, null, 0, 0, null);
    }

    /**
     * Reads one message.
     *
     * @param text    the member's original text
     * @param lexicon what stage 1 and 2 (lexicon and context rules) made of it
     */
    Reading read(String text, Detection lexicon);

    /** A short name for logs and the evaluation report. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** No semantic stage (tiny machines, {@code --no-semantic}). */
    SemanticScorer NONE = new SemanticScorer() {
        @Override
        public Reading read(String text, Detection lexicon) {
            return Reading.NONE;
        }

        @Override
        public String name() {
            return "none";
        }
    };
}
