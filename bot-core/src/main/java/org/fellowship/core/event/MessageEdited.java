package org.fellowship.core.event;

import java.time.Instant;
import java.util.Objects;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;

/**
 * An existing message got new text. Moderation checks edits again; commands are not re-run.
 *
 * @param eventId unique per edit (adapters combine message id and edit time), not the message id
 */
public record MessageEdited(String eventId, Conversation conversation, Member actor, Instant at,
                            MessageRef message, String text) implements InboundEvent {
    public MessageEdited {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
        text = text == null ? "" : text;
    }
}
