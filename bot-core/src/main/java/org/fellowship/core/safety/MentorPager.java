package org.fellowship.core.safety;

import org.fellowship.core.engine.Turn;

/**
 * Hands a member's request for a mentor to the escalation chain.
 *
 * <p><b>Threading:</b> called on the member's conversation thread; implementations must be thread-safe.
 * <b>Nullness:</b> arguments are never {@code null}. <b>Failure:</b> return {@code false} (or throw) when nobody
 * could be paged; the member is then told honestly to use the crisis lines, never that help is on the way.
 */
@FunctionalInterface
public interface MentorPager {
    /**
     * @param turn     the member's turn (who and where; never echo their history)
     * @param category what the detector saw, or {@code null} when the member asked directly
     * @return {@code true} when the request reached the mentors' chain
     */
    boolean requestMentor(Turn turn, CrisisCategory category);

    /**
     * The member wrote another message that reads as a crisis. When they already have an alert a mentor holds, that
     * mentor hears of it (the category only, at most every few minutes, so a burst of messages is one notice);
     * otherwise nothing happens (a new alert needs the member's own yes). Never throws for a missing alert.
     */
    default void flaggedAgain(Turn turn, CrisisCategory category) {
    }

    /** No escalation chain configured: nobody can be paged. */
    MentorPager NONE = (turn, category) -> false;
}
