package org.fellowship.core.model;

import java.util.Objects;

/** A chat on one platform: a Telegram chat id or a Discord channel/thread/DM channel id. */
public record ConversationId(Platform platform, String value) {
    public ConversationId {
        Objects.requireNonNull(platform, "platform");
        Ids.requireId(value, "conversation id");
    }

    @Override
    public String toString() {
        return platform.code() + ":" + value;
    }
}
