package org.fellowship.core.port;

/**
 * A platform refused or failed an operation. {@link #reason()} tells the core what to do next (fall back, tell a
 * moderator, retry later); the message is for logs and moderators and never contains member text.
 */
public final class GatewayException extends RuntimeException {
    /** Why an operation failed. */
    public enum Reason {
        /** The platform or this adapter cannot do this at all. */
        UNSUPPORTED,
        /** The bot lacks the right (not admin, role hierarchy, missing permission). */
        FORBIDDEN,
        /** The member's DMs are closed or they never started the bot. */
        DIRECT_MESSAGES_CLOSED,
        /** The message, chat or member no longer exists. */
        NOT_FOUND,
        /** The platform's time window passed (Telegram deletes only within 48 hours). */
        TOO_OLD,
        /** Rate-limited beyond the retry budget. */
        RATE_LIMITED,
        /** Network or platform outage; worth retrying later. */
        UNAVAILABLE,
        /** The platform rejected the request as malformed. */
        INVALID,
        /** A file is larger than the caller's or the platform's limit; nothing was transferred beyond it. */
        TOO_LARGE
    }

    private final Reason reason;

    public GatewayException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public GatewayException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static GatewayException unsupported(String operation) {
        return new GatewayException(Reason.UNSUPPORTED, operation + " is not supported on this platform");
    }
}
