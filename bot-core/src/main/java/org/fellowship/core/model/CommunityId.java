package org.fellowship.core.model;

import java.util.Objects;

/**
 * A community: a Telegram group/supergroup or a Discord guild. Community-scoped state carries
 * {@link #hashTag()} so a Redis Cluster keeps one community's keys in one slot.
 */
public record CommunityId(Platform platform, String value) {
    public CommunityId {
        Objects.requireNonNull(platform, "platform");
        Ids.requireId(value, "community id");
    }

    /** Redis Cluster hash tag, e.g. <code>{tg:-100123}</code>. */
    public String hashTag() {
        return "{" + platform.code() + ":" + value + "}";
    }

    @Override
    public String toString() {
        return platform.code() + ":" + value;
    }
}
