package org.fellowship.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Newcomer gating: a new member may not write until they answer the community's own question.
 *
 * @param question  what they are asked
 * @param answers   the choices shown as buttons (2-5), as the moderator wrote them: answers marked with a leading
 *                  {@code +} are right (several may be); with none marked, the first is the right one. They are shown
 *                  without the mark, in alphabetical order
 * @param timeLimit how long they have; afterwards they are removed (and may rejoin)
 */
public record Gate(String question, List<String> answers, Duration timeLimit) {
    public static final Duration DEFAULT_TIME = Duration.ofMinutes(10);

    public Gate {
        Objects.requireNonNull(question, "question");
        answers = List.copyOf(answers);
        if (answers.size() < 2 || answers.size() > 5) {
            throw new IllegalArgumentException("a gate needs 2-5 answers");
        }
        timeLimit = timeLimit == null ? DEFAULT_TIME : timeLimit;
    }

    /** The right answers, without their mark. */
    public List<String> rightAnswers() {
        List<String> marked = answers.stream().filter(a -> a.startsWith("+")).map(Gate::unmarked).toList();
        return marked.isEmpty() ? List.of(answers.get(0)) : marked;
    }

    /** Whether {@code shownAnswer} (as shown on its button) is one of the right answers. */
    public boolean isRight(String shownAnswer) {
        return rightAnswers().contains(shownAnswer);
    }

    /** The answers in the order they are shown (alphabetical, so the right ones' places tell nothing), unmarked. */
    public List<String> shown() {
        return answers.stream().map(Gate::unmarked).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    private static String unmarked(String answer) {
        return answer.startsWith("+") ? answer.substring(1).strip() : answer;
    }

    public Gate withTimeLimit(Duration value) {
        return new Gate(question, answers, value);
    }
}
