package org.fellowship.core.model;

import java.util.Objects;

/** One message in one conversation, as the platform numbers it. */
public record MessageRef(ConversationId conversation, String messageId) {
    public MessageRef {
        Objects.requireNonNull(conversation, "conversation");
        Ids.requireId(messageId, "message id");
    }
}
