package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;

/**
 * Writes a member-scoped string key and lists it in the member's erasure index in one atomic step, so no key
 * about a member can exist without being findable by {@code /forget}. A value with a lifetime carries its deadline
 * ({@link Expiry}); read it back with {@link Expiry#unwrap}. Thread-safe.
 */
final class UserKeys {
    // KEYS[1] value key, KEYS[2] erasure index (same hash tag); ARGV[1] value, ARGV[2] backstop TTL millis or 0 for none.
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
    private final Expiry expiry;

    UserKeys(Redis redis, Expiry expiry) {
        this.redis = redis;
        this.expiry = expiry;
    }

    /**
     * Sets {@code key} and registers it in {@code index}; with a {@code ttl} the value expires that long from the
     * store's clock ({@link Expiry}), without one it stays until deleted.
     */
    void set(String operation, String key, String index, String value, Duration ttl) {
        String stored = ttl == null ? value : expiry.wrap(value, ttl);
        long px = ttl == null ? 0 : Expiry.backstopMillis(ttl);
        redis.eval(operation, SET_AND_INDEX, ScriptOutputType.INTEGER, new String[] {key, index}, stored,
                Long.toString(px));
    }
}
