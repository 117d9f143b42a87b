package org.fellowship.core.event;

import java.time.Instant;
import java.util.Objects;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;

/**
 * A new text message.
 *
 * @param message       the message itself
 * @param text          its text ("" when the platform did not give us the content)
 * @param replyTo       the message it replies to, or {@code null}
 * @param replyToAuthor the author of {@code replyTo}, or {@code null}
 * @param mentionCount  how many users or roles it mentions (for mention-spam rules)
 */
public record MessageReceived(String eventId, Conversation conversation, Member actor, Instant at,
                              MessageRef message, String text, MessageRef replyTo, ChatUserId replyToAuthor,
                              int mentionCount) implements InboundEvent {
    public MessageReceived {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
        text = text == null ? "" : text;
    }

    public static MessageReceived simple(String eventId, Conversation conversation, Member actor, Instant at,
                                         String messageId, String text) {
        return new MessageReceived(eventId, conversation, actor, at, new MessageRef(conversation.id(), messageId),
                text, null, null, 0);
    }
}
