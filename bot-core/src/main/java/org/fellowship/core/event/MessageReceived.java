package org.fellowship.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.fellowship.core.model.Attachment;
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
 * @param attachments        files the message carries (its text is then their caption); empty for none
 * @param replyToAttachments files of the message it replies to, where the platform tells; empty for none
 */
public record MessageReceived(String eventId, Conversation conversation, Member actor, Instant at,
                              MessageRef message, String text, MessageRef replyTo, ChatUserId replyToAuthor,
                              int mentionCount, List<Attachment> attachments, List<Attachment> replyToAttachments)
        implements InboundEvent {
    public MessageReceived {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        replyToAttachments = replyToAttachments == null ? List.of() : List.copyOf(replyToAttachments);
    }

    /** A message without files. */
    public MessageReceived(String eventId, Conversation conversation, Member actor, Instant at, MessageRef message,
                           String text, MessageRef replyTo, ChatUserId replyToAuthor, int mentionCount) {
        this(eventId, conversation, actor, at, message, text, replyTo, replyToAuthor, mentionCount, List.of(),
                List.of());
    }

    public static MessageReceived simple(String eventId, Conversation conversation, Member actor, Instant at,
                                         String messageId, String text) {
        return new MessageReceived(eventId, conversation, actor, at, new MessageRef(conversation.id(), messageId),
                text, null, null, 0);
    }
}
