package org.fellowship.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Newcomer gating: a new member may not write until they answer the community's own question.
 *
 * @param question  what they are asked
 * @param answers   the choices shown as buttons (2-5), the right one first (they are shown in alphabetical order)
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

    public String rightAnswer() {
        return answers.get(0);
    }

    /** The answers in the order they are shown (alphabetical, so the right one's place tells nothing). */
    public List<String> shown() {
        return answers.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    public Gate withTimeLimit(Duration value) {
        return new Gate(question, answers, value);
    }
}
