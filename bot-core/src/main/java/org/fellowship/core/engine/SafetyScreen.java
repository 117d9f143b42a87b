package org.fellowship.core.engine;

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

    SafetyScreen NONE = (turn, text) -> false;
}
