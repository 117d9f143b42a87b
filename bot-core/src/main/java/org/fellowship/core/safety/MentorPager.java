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
     * @param category what the detector saw, or {@code null} when the member asked directly (the alert then carries
     *                 no excerpt)
     * @return {@code true} when the request reached the mentors' chain
     */
    boolean requestMentor(Turn turn, CrisisCategory category);

    /**
     * The member wrote a message that reads as a crisis. Its {@code context} (excerpt and link) is kept briefly so an
     * alert opened when the member accepts a mentor can carry it. When they already have an alert a mentor holds,
     * that mentor hears of it (category, excerpt and link, at most every few minutes, so a burst of messages is one
     * notice); otherwise no page goes out (a new alert needs the member's own yes). Never throws for a missing alert.
     */
    default void flagged(Turn turn, CrisisCategory category, AlertContext context) {
    }

    /**
     * Whether members in this turn's chat may be offered a mentor at all (a private chat, or one of the groups the
     * chain serves); the crisis reply leaves the offer out otherwise. Never throws.
     */
    default boolean serves(Turn turn) {
        return true;
    }

    /** No escalation chain configured: nobody can be paged. */
    MentorPager NONE = (turn, category) -> false;
}
