package org.fellowship.core.engine;

import java.util.Optional;

/**
 * The first look at every member message (crisis detection). It may only add support (private resources,
 * paging mentors); a message it flags is never deleted or punished by anything after it.
 *
 * <p><b>Threading:</b> called on the conversation's thread. <b>Failure:</b> exceptions are logged by event id and
 * the message is treated as flagged, so moderation stays hands-off when the screen could not decide.
 */
@FunctionalInterface
public interface SafetyScreen {
    /** {@code true} when the text reads as a crisis. */
    boolean screen(Turn turn, String text);

    /**
     * A closer look, on the calling thread, at a message the screen let through and moderation is about to act on
     * ({@link Turn#crisisOnSecondLook}): {@code true} when it reads as a crisis after all, in which case this method
     * has already handled it as one. The default has no closer look.
     */
    default boolean secondLook(Turn turn, String text) {
        return false;
    }

    /**
     * Whether the text reads as a relapse share, relapse danger or a craving ({@link Turn#recoveryDisclosure}):
     * moderation asks before it punishes a message automatically, and holds such a message for review instead. Only
     * asked for messages a rule hit; adds no support of its own. The default reads nothing.
     */
    default Optional<RecoveryDisclosure> recoveryDisclosure(Turn turn, String text) {
        return Optional.empty();
    }

    SafetyScreen NONE = (turn, text) -> false;
}
