package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.fellowship.core.store.RateLimitStore;

/**
 * {@link RateLimitStore} as one sorted set per window (members: take ids, scores: take times in millis), checked
 * and taken by one Lua script so concurrent instances never exceed a limit. Thread-safe; cost O(log N) per window.
 */
final class RedisRateLimitStore implements RateLimitStore {
    // KEYS[1] pause marker (paused-until millis), KEYS[2..] windows; ARGV[1] now millis, ARGV[2] take id, then limit and length per window.
    // Returns 0 when taken in every window, else the milliseconds until a slot may free up.
    static final Redis.Script TAKE = Redis.Script.of("rateTake", """
            local now = tonumber(ARGV[1])
            local pausedUntil = tonumber(redis.call('GET', KEYS[1]) or '0')
            if pausedUntil > now then return pausedUntil - now end
            local wait = 0
            for i = 2, #KEYS do
              local limit = tonumber(ARGV[2 * i - 1])
              local length = tonumber(ARGV[2 * i])
              redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - length)
              if redis.call('ZCARD', KEYS[i]) >= limit then
                local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
                local free = tonumber(oldest[2]) + length - now
                if free > wait then wait = free end
              end
            end
            if wait > 0 then return wait end
            for i = 2, #KEYS do
              redis.call('ZADD', KEYS[i], now, ARGV[2])
              redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
            end
            return 0
            """);

    private final Redis redis;
    private final KeySchema keys;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong takes = new AtomicLong();

    RedisRateLimitStore(Redis redis, KeySchema keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Duration tryTake(String scope, List<Window> windows, Instant now) {
        Objects.requireNonNull(now, "now");
        String[] keyList = new String[windows.size() + 1];
        String[] args = new String[2 + 2 * windows.size()];
        keyList[0] = keys.ratePause(scope);
        args[0] = Long.toString(now.toEpochMilli());
        // unique per take across instances, so two takes in the same millisecond both count
        args[1] = instance + ":" + takes.incrementAndGet();
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            keyList[i + 1] = keys.rateWindow(scope, w.name());
            args[2 + 2 * i] = Integer.toString(w.limit());
            args[3 + 2 * i] = Long.toString(w.length().toMillis());
        }
        Long wait = redis.eval("rate take", TAKE, ScriptOutputType.INTEGER, keyList, args);
        return Duration.ofMillis(wait);
    }

    @Override
    public void pause(String scope, Duration wait, Instant now) {
        // The pause is kept in the caller's time (like the windows); the TTL only cleans the key up.
        long px = Math.max(1, wait.toMillis());
        String until = Long.toString(now.plus(wait).toEpochMilli());
        redis.call("rate pause", c -> c.set(keys.ratePause(scope), until, SetArgs.Builder.px(px)));
    }
}
