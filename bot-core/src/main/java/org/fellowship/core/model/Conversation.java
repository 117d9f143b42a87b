package org.fellowship.core.model;

import java.util.Objects;

/**
 * Where an event happened.
 *
 * @param id        the platform's chat id
 * @param kind      direct or group
 * @param community the community the chat belongs to; {@code null} for direct chats
 * @param title     the chat's title as the platform reports it; may be {@code null}. Never logged.
 */
public record Conversation(ConversationId id, ChatKind kind, CommunityId community, String title) {
    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (kind == ChatKind.GROUP && community == null) {
            throw new IllegalArgumentException("a group conversation needs a community");
        }
    }

    public static Conversation direct(ChatUserId user) {
        return new Conversation(new ConversationId(user.platform(), user.value()), ChatKind.DIRECT, null, null);
    }

    public boolean isDirect() {
        return kind == ChatKind.DIRECT;
    }

    public Platform platform() {
        return id.platform();
    }
}
