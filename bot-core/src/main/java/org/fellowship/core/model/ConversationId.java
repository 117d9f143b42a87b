package org.fellowship.core.model;

import java.util.Objects;

/** A chat on one platform: a Telegram chat id or a Discord channel/thread/DM channel id. */
public record ConversationId(Platform platform, String value) {
    public ConversationId {
        Objects.requireNonNull(platform, "platform");
        Ids.requireId(value, "conversation id");
    }

    /**
     * This conversation after the community {@code from} was renumbered to {@code to} (a Telegram group became a
     * supergroup): the group's own chat, or a forum topic {@code <chat>:<thread>} in it, moves; anything else stays.
     */
    public ConversationId renumbered(CommunityId from, CommunityId to) {
        if (platform != from.platform()) {
            return this;
        }
        if (value.equals(from.value())) {
            return new ConversationId(platform, to.value());
        }
        if (value.startsWith(from.value() + ":")) {
            return new ConversationId(platform, to.value() + value.substring(from.value().length()));
        }
        return this;
    }

    @Override
    public String toString() {
        return platform.code() + ":" + value;
    }
}
