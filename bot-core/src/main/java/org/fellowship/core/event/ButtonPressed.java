package org.fellowship.core.event;

import java.time.Instant;
import java.util.Objects;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;

/**
 * A member pressed a button the bot sent (or picked a numbered choice where buttons are missing).
 *
 * @param message    the message carrying the button, or {@code null} for a numbered reply
 * @param token      the opaque token the core put on the button
 * @param callbackId the platform's handle for acknowledging the press, or {@code null} when nothing needs it
 */
public record ButtonPressed(String eventId, Conversation conversation, Member actor, Instant at,
                            MessageRef message, String token, String callbackId) implements InboundEvent {
    public ButtonPressed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(token, "token");
    }
}
