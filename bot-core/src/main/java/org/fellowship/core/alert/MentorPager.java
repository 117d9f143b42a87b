package org.fellowship.core.alert;

import org.fellowship.core.engine.Turn;

/**
 * Hands a member's request for a mentor to the escalation chain.
 *
 * <p><b>Threading:</b> called on the member's conversation thread; implementations must be thread-safe.
 * <b>Nullness:</b> arguments are never {@code null}. <b>Failure:</b> return {@link Reached#NOBODY} (or throw) when nobody
 * could be paged; the member is then told honestly to use the crisis lines, never that help is on the way.
 */
@FunctionalInterface
public interface MentorPager {
    /** Who a request for a mentor reached, so the member is told only what actually happened. */
    enum Reached {
        /** A mentor was paged (or the member's open alert already has one working on it). */
        MENTOR,
        /** No mentor is on call; moderators were told (content-free). */
        MODERATORS,
        /** Nobody could be reached through the bot. */
        NOBODY
    }

    /**
     * @param turn     the member's turn (who and where; never echo their history)
     * @param category what the detector saw, or {@code null} when the member asked directly (the alert then carries
     *                 no excerpt)
     * @return who the request reached
     */
    Reached requestMentor(Turn turn, CrisisCategory category);

    /**
     * The member wrote a message that reads as a crisis. Its {@code context} (excerpt and link) is kept briefly so an
     * alert opened when the member accepts a mentor can carry it. When they already have an alert a mentor holds,
     * that mentor hears of it (category, excerpt and link, at most every few minutes, so a burst of messages is one
     * notice, unless {@code worse}); an alert still being paged takes the newer excerpt when {@code worse}. It opens no
     * alert itself. Never throws for a missing alert.
     *
     * @param worse the message is more severe than the member's previous one within the reply cooldown (a method, a
     *              time, an attempt in progress): the holder hears of it at once
     */
    default void flagged(Turn turn, CrisisCategory category, AlertContext context, boolean worse) {
    }

    /** The member's open alert, if any (its id), so a follow-up can stop once a human has taken it. */
    default java.util.Optional<String> openAlert(org.fellowship.core.model.ChatUserId member) {
        return java.util.Optional.empty();
    }

    /** Whether a human has taken or resolved alert {@code alertId} (or it no longer exists). */
    default boolean attended(String alertId) {
        return true;
    }

    /**
     * Whether members in this turn's chat may be offered a mentor at all (a private chat, or one of the groups the
     * chain serves); the crisis reply leaves the offer out otherwise. Never throws.
     */
    default boolean serves(Turn turn) {
        return true;
    }

    /** No escalation chain configured: nobody can be paged. */
    MentorPager NONE = (turn, category) -> Reached.NOBODY;
}
