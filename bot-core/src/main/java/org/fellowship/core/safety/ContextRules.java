package org.fellowship.core.safety;

import static org.fellowship.core.safety.ContextWords.FIRST_PERSON;
import static org.fellowship.core.safety.ContextWords.MILESTONE;
import static org.fellowship.core.safety.ContextWords.NEGATORS;
import static org.fellowship.core.safety.ContextWords.NOT_A_DENIAL;
import static org.fellowship.core.safety.ContextWords.NOT_A_DENIAL_BEFORE;
import static org.fellowship.core.safety.ContextWords.PAST_AUXILIARIES;
import static org.fellowship.core.safety.ContextWords.PAST_DEEDS;
import static org.fellowship.core.safety.ContextWords.PAST_FORMS;
import static org.fellowship.core.safety.ContextWords.PAST_MARKERS;
import static org.fellowship.core.safety.ContextWords.REPORTING;
import static org.fellowship.core.safety.ContextWords.SECOND_PERSON;
import static org.fellowship.core.safety.ContextWords.SUPPORT_MARKERS;
import static org.fellowship.core.safety.ContextWords.THIRD_PERSON;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fellowship.core.alert.CrisisCategory;

/**
 * Stage-2 rules that decide how much a lexicon phrase says about the writer, now. Each rule that applies
 * multiplies the phrase's weight by its factor. The rules are the ones a clinician would name, not fitted to rows:
 *
 * <ul>
 *   <li>{@link Reason#NEGATED}: a negation just before the phrase in the same sentence ("I'm not going to hurt
 *       myself", "I would never ..."), except "can't stop / can't take / can't cope" which are not denials, and "why
 *       not ..." / "trying not to ..." which hold a present thought back;</li>
 *   <li>{@link Reason#PAST}: the sentence places it in the past or in recovery ("two years ago I tried", "when I
 *       was 16", "I used to", "I survived", "it gets better");</li>
 *   <li>{@link Reason#THIRD_PERSON}: someone else is the subject ("my friend overdosed") for phrases that are not
 *       first-person already;</li>
 *   <li>{@link Reason#QUOTED}: inside quotation marks or after "said" / "told me";</li>
 *   <li>{@link Reason#SUPPORTIVE}: the sentence speaks to "you" ("please don't kill yourself", "if you want to
 *       die, call 988"), or the message as a whole reads as support;</li>
 *   <li>{@link Reason#HYPOTHETICAL}: a condition or question ("if I ever ...") without a first-person statement.</li>
 * </ul>
 *
 * One rule raises a phrase instead: {@link Reason#FIRST_PERSON_NOW}, a topic word ("suicidal", "overdose") with
 * the writer as the subject just before it, in the present ("I'm so suicidal"), when no other rule applied.
 * And {@link Reason#WRITER_NARRATIVE} raises crisis evidence that no rule discounted when the whole message is the
 * writer talking about themselves (several first-person words, little "you", no support markers): a post about
 * one's own life that mentions suicide or self-harm is more likely ideation than one addressed to someone else.
 *
 * Stateless and thread-safe.
 */
public final class ContextRules {
    /** Why a phrase was discounted. */
    public enum Reason {
        NEGATED(0.15), PAST(0.25), THIRD_PERSON(0.3), QUOTED(0.3), SUPPORTIVE(0.25), HYPOTHETICAL(0.5),
        FIRST_PERSON_NOW(1.6), WRITER_NARRATIVE(1.5);

        private final double factor;

        Reason(double factor) {
            this.factor = factor;
        }

        public double factor() {
            return factor;
        }
    }

    /**
     * The reasons that apply to the phrase at {@code [start, end)} of {@code text}, in {@code sentence} of a
     * message whose support markers were counted with {@link #supportMarkers(String)}.
     */
    public Set<Reason> reasons(String text, LanguageAnalyzer.Sentence sentence, int start, int end,
                               LexiconEntry entry, int messageSupportMarkers) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        List<LanguageAnalyzer.Token> tokens = sentence.tokens();
        int first = 0;
        while (first < tokens.size() && tokens.get(first).end() <= start) {
            first++;
        }
        String words = " " + entry.words().strip() + " ";
        boolean phraseFirstPerson = FIRST_PERSON.stream().anyMatch(w -> words.contains(" " + w + " "));
        boolean phraseSecondPerson = SECOND_PERSON.stream().anyMatch(w -> words.contains(" " + w + " "));

        // negation: within four tokens before the phrase, not followed by a distress verb
        for (int k = Math.max(0, first - 4); k < first; k++) {
            String t = tokens.get(k).text();
            if (NEGATORS.contains(t)) {
                String after = k + 1 < tokens.size() ? tokens.get(k + 1).text() : "";
                boolean clauseBreak = false;
                for (int m = k + 1; m < first; m++) {
                    String w = tokens.get(m).text();
                    clauseBreak |= w.equals(",") || w.equals("but") || w.equals("and") || w.equals("because");
                }
                // "why not just ...", "trying not to ...": the thought is there, only held back
                String before = k > 0 ? tokens.get(k - 1).text() : "";
                String before2 = k > 1 ? tokens.get(k - 2).text() : "";
                // "whether or not I should ...": weighing the act, not denying it
                boolean heldBack = NOT_A_DENIAL_BEFORE.contains(before) || before.equals("or")
                        || before.equals("do") && before2.equals("why") || before.equals("hard") && before2.startsWith("tr");
                if (!NOT_A_DENIAL.contains(after) && !clauseBreak && !heldBack) {
                    reasons.add(Reason.NEGATED);
                }
            }
        }

        String sentenceText = " " + text.substring(sentence.start(), sentence.end()) + " ";
        for (String marker : PAST_MARKERS) {
            if (sentenceText.contains(marker)) {
                reasons.add(Reason.PAST);
                break;
            }
        }
        // in past tense ("when I wanted to die", "I was suicidal") inside a message that tells of recovery
        String firstWord = entry.words().strip().split(" ")[0];
        String wordBefore = first > 0 ? tokens.get(first - 1).text() : "";
        boolean pastForm = PAST_FORMS.contains(firstWord) || PAST_FORMS.contains(wordBefore)
                || PAST_DEEDS.contains(firstWord) || PAST_DEEDS.contains(wordBefore);
        if (pastForm && MILESTONE.matcher(text).find()) {
            reasons.add(Reason.PAST);
        }

        // who is the subject: the nearest person word before the phrase in its sentence
        String subject = null;
        for (int k = first - 1; k >= 0 && subject == null; k--) {
            String t = tokens.get(k).text();
            // "as someone who thinks about suicide daily": the writer describing themselves
            boolean selfDescription = (t.equals("someone") || t.equals("somebody")) && k > 0
                    && tokens.get(k - 1).text().equals("as");
            if (FIRST_PERSON.contains(t) || selfDescription) {
                subject = "1";
            } else if (SECOND_PERSON.contains(t)) {
                subject = "2";
            } else if (THIRD_PERSON.contains(t)) {
                subject = "3";
            }
        }
        boolean firstPersonInSentence = tokens.stream().anyMatch(t -> FIRST_PERSON.contains(t.text()));
        if (!phraseFirstPerson) {
            if ("3".equals(subject)) {
                reasons.add(Reason.THIRD_PERSON);
            }
            if ("2".equals(subject) || phraseSecondPerson) {
                reasons.add(Reason.SUPPORTIVE);
            }
        }
        // reported speech and quotes
        for (int k = 0; k < first; k++) {
            if (REPORTING.contains(tokens.get(k).text()) && !writerReports(tokens, k)) {
                reasons.add(Reason.QUOTED);
            }
        }
        if (insideQuotes(text, start)) {
            reasons.add(Reason.QUOTED);
        }
        // support: the message reads as support and this sentence is not about the writer (a writer naming their
        // own state right before the phrase, "I'm pretty suicidal myself", is about the writer however kind the rest)
        boolean writerJustBefore = "1".equals(subject) && firstPersonWithin(tokens, first, 4);
        if (messageSupportMarkers >= 2 && !firstPersonInSentence
                || messageSupportMarkers >= 4 && !phraseFirstPerson && !writerJustBefore) {
            reasons.add(Reason.SUPPORTIVE);
        }
        // condition or question without a first-person statement
        boolean conditional = false;
        for (int k = Math.max(0, first - 6); k < first; k++) {
            String t = tokens.get(k).text();
            conditional |= t.equals("if") || t.equals("whether") || t.equals("when");
        }
        boolean question = sentenceText.strip().endsWith("?");
        if ((conditional || question) && !"1".equals(subject) && !phraseFirstPerson) {
            reasons.add(Reason.HYPOTHETICAL);
        }
        if (reasons.isEmpty() && !phraseFirstPerson && "1".equals(subject)) {
            boolean near = false;
            boolean pastTense = false;
            for (int k = Math.max(0, first - 4); k < first; k++) {
                String t = tokens.get(k).text();
                near |= FIRST_PERSON.contains(t) || (t.equals("someone") || t.equals("somebody")) && k > 0
                        && tokens.get(k - 1).text().equals("as");
                pastTense |= PAST_AUXILIARIES.contains(t);
            }
            // "when I wanted to die": the phrase itself in the past tense is no present statement
            pastTense |= PAST_FORMS.contains(entry.words().strip().split(" ")[0]);
            if (near && !pastTense) {
                reasons.add(Reason.FIRST_PERSON_NOW);
            }
        }
        return reasons;
    }

    private static boolean firstPersonWithin(List<LanguageAnalyzer.Token> tokens, int first, int window) {
        for (int k = Math.max(0, first - window); k < first; k++) {
            if (FIRST_PERSON.contains(tokens.get(k).text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code true} when the normalised message is written about the writer: at least three first-person words,
     * at most one second-person word for every three of them, and fewer than two support markers.
     */
    public boolean writerNarrative(String text, int messageSupportMarkers) {
        if (messageSupportMarkers >= 2) {
            return false;
        }
        int firstPerson = 0;
        int secondPerson = 0;
        for (String word : text.split("[^a-z]+")) {
            if (FIRST_PERSON.contains(word)) {
                firstPerson++;
            } else if (SECOND_PERSON.contains(word)) {
                secondPerson++;
            }
        }
        return firstPerson >= 3 && secondPerson * 3 <= firstPerson;
    }

    /**
     * Adds {@link Reason#WRITER_NARRATIVE} to {@code reasons} for suicidal-ideation and self-harm topic words
     * ("suicidal", "self harm": phrases that do not name the writer themselves) in a message written about the
     * writer, when no other rule applied (method words such as "bottle" or "rope" are
     * too ambiguous in recovery talk to be raised this way).
     */
    public static void narrative(Set<Reason> reasons, LexiconEntry entry, boolean writerNarrative) {
        boolean aboutSelf = entry.category() == CrisisCategory.SUICIDAL_IDEATION
                || entry.category() == CrisisCategory.SELF_HARM;
        String words = " " + entry.words().strip() + " ";
        boolean phraseFirstPerson = FIRST_PERSON.stream().anyMatch(w -> words.contains(" " + w + " "));
        if (writerNarrative && aboutSelf && !phraseFirstPerson && reasons.isEmpty()) {
            reasons.add(Reason.WRITER_NARRATIVE);
        }
    }

    /**
     * Who a message speaks of and when, in counts: first-person and second-person words, past or recovery markers
     * ("years ago", "used to", "sober for"), support markers, and words. The semantic stage uses these as features.
     */
    public record Voice(int firstPerson, int secondPerson, int pastMarkers, int supportMarkers, int words) {
    }

    /** The {@link Voice} of a normalised message. */
    public Voice voice(String text) {
        int firstPerson = 0;
        int secondPerson = 0;
        int words = 0;
        for (String word : text.split("[^a-z]+")) {
            if (word.isEmpty()) {
                continue;
            }
            words++;
            if (FIRST_PERSON.contains(word)) {
                firstPerson++;
            } else if (SECOND_PERSON.contains(word)) {
                secondPerson++;
            }
        }
        String padded = " " + text + " ";
        int past = 0;
        for (String marker : PAST_MARKERS) {
            if (padded.contains(marker)) {
                past++;
            }
        }
        return new Voice(firstPerson, secondPerson, past, supportMarkers(text), words);
    }

    /** How many support markers ("call 988", "you are not alone", "hope you") a normalised message holds. */
    public int supportMarkers(String text) {
        String padded = " " + text + " ";
        int count = 0;
        for (String marker : SUPPORT_MARKERS) {
            if (padded.contains(" " + marker + " ")) {
                count++;
            }
        }
        return count;
    }

    /** The product of the reasons' factors. */
    public static double factor(Set<Reason> reasons) {
        double f = 1;
        for (Reason r : reasons) {
            f *= r.factor();
        }
        return f;
    }

    /**
     * {@code true} when the reporting verb at {@code k} has the writer as its subject ("I told my therapist ...",
     * "I can't tell anyone ..."): a disclosure of the writer's own state, not someone else's words. "told me" and
     * "asked me" stay reported speech.
     */
    private static boolean writerReports(List<LanguageAnalyzer.Token> tokens, int k) {
        String next = k + 1 < tokens.size() ? tokens.get(k + 1).text() : "";
        if (next.equals("me")) {
            return false;
        }
        // "let me tell you, ...": the writer speaking, not someone else's words
        if (k >= 2 && tokens.get(k - 1).text().equals("me") && tokens.get(k - 2).text().equals("let")) {
            return true;
        }
        for (int m = k - 1; m >= Math.max(0, k - 3); m--) {
            String t = tokens.get(m).text();
            if (t.equals("i") || t.equals("im")) {
                return true;
            }
            if (THIRD_PERSON.contains(t) || SECOND_PERSON.contains(t)) {
                return false;
            }
        }
        return false;
    }

    private static boolean insideQuotes(String text, int position) {
        int quotes = 0;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1 && text.indexOf('"', position) >= 0;
    }
}
