package org.fellowship.redis;

import java.util.Objects;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.store.DirectChatRegistry;

/**
 * {@link DirectChatRegistry} as one small key per member (<code>{u:tg:42}:dm</code>), listed in the member's
 * erasure index: that someone uses the bot privately is itself personal data. Thread-safe.
 */
final class RedisDirectChatRegistry implements DirectChatRegistry {
    private final Redis redis;
    private final KeySchema keys;
    private final UserKeys userKeys;

    RedisDirectChatRegistry(Redis redis, KeySchema keys, UserKeys userKeys) {
        this.redis = redis;
        this.keys = keys;
        this.userKeys = userKeys;
    }

    @Override
    public boolean isOpen(ChatUserId member) {
        Objects.requireNonNull(member, "member");
        Long exists = redis.call("direct chat read", c -> c.exists(keys.user(member, "dm")));
        return exists != null && exists > 0;
    }

    @Override
    public void opened(ChatUserId member) {
        userKeys.set("direct chat open", keys.user(member, "dm"), keys.erasureIndex(member), "1", null);
    }

    @Override
    public void closed(ChatUserId member) {
        Objects.requireNonNull(member, "member");
        redis.call("direct chat close", c -> c.del(keys.user(member, "dm")));
    }
}
