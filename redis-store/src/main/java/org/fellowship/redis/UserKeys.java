package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;

/**
 * Writes a member-scoped string key and lists it in the member's erasure index in one atomic step, so no key
 * about a member can exist without being findable by {@code /forget}. Thread-safe.
 */
final class UserKeys {
    // KEYS[1] value key, KEYS[2] erasure index (same hash tag); ARGV[1] value, ARGV[2] ttl millis or 0 for none.
    static final Redis.Script SET_AND_INDEX = Redis.Script.of("setAndIndex", """
            if tonumber(ARGV[2]) > 0 then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            else
              redis.call('SET', KEYS[1], ARGV[1])
            end
            redis.call('SADD', KEYS[2], KEYS[1])
            return 1
            """);

    private final Redis redis;

    UserKeys(Redis redis) {
        this.redis = redis;
    }

    /** Sets {@code key} (with a TTL when {@code ttl} is non-null) and registers it in {@code index}. */
    void set(String operation, String key, String index, String value, Duration ttl) {
        long px = ttl == null ? 0 : Math.max(1, ttl.toMillis());
        redis.eval(operation, SET_AND_INDEX, ScriptOutputType.INTEGER, new String[] {key, index}, value,
                Long.toString(px));
    }
}
