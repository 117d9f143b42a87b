package org.fellowship.core.meeting.feed;

/** A meeting feed cannot be used at all. The message is one short line fit to show a moderator; no feed content. */
public final class FeedException extends RuntimeException {
    public FeedException(String message) {
        super(message, null, false, false);
    }
}
