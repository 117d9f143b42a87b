package org.fellowship.redis;

import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Objects;
import org.fellowship.core.store.EventDeduplicator;

/** {@link EventDeduplicator} as {@code SET key 1 NX PX ttl}: atomic across instances. Thread-safe. */
final class RedisDeduplicator implements EventDeduplicator {
    private final Redis redis;
    private final KeySchema keys;

    RedisDeduplicator(Redis redis, KeySchema keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public boolean firstSeen(String key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        long px = Math.max(1, ttl.toMillis());
        String reply = redis.call("dedupe", c -> c.set(keys.dedupe(key), "1", SetArgs.Builder.nx().px(px)));
        return "OK".equals(reply);
    }
}
