package org.fellowship.core.engine;

/**
 * Group moderation's look at a message after the safety screen.
 *
 * <p><b>Contract:</b> when {@code safetyFlagged} is {@code true} the guard must not delete, mute, warn or otherwise
 * act against the member, and must return {@code true}. <b>Failure:</b> exceptions are logged and the message
 * continues (moderation failing open never hides a message from the features).
 */
@FunctionalInterface
public interface MessageGuard {
    /** @return {@code true} to let the message continue to features, {@code false} when moderation stopped it */
    boolean check(Turn turn, String text, boolean safetyFlagged);

    MessageGuard NONE = (turn, text, flagged) -> true;
}
