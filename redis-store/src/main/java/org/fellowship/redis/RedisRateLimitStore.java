package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.fellowship.core.port.RateLimitStore;

/**
 * {@link RateLimitStore} as one sorted set per window (members: take ids, scores: when the take stops counting, in
 * millis), checked and taken by one Lua script so concurrent instances never exceed a limit; {@link #finish} rescores
 * a take of an until-finished window. Thread-safe; cost O(log N) per window.
 */
final class RedisRateLimitStore implements RateLimitStore {
    // KEYS[1] pause marker (paused-until millis), KEYS[2..] windows; ARGV[1] now millis, ARGV[2] take id,
    // ARGV[3] max flight millis, ARGV[4] in-flight retry millis, then limit, length, until-finished (0/1) per window.
    // Returns 0 when taken in every window, else the milliseconds until a slot may free up.
    // The keys' Redis TTLs only clean up (a window's length plus Expiry.GRACE): every decision uses the caller's "now".
    static final Redis.Script TAKE = Redis.Script.of("rateTake3", """
            local grace = %d
            local now = tonumber(ARGV[1])
            local pausedUntil = tonumber(redis.call('GET', KEYS[1]) or '0')
            if pausedUntil > now then return pausedUntil - now end
            local wait = 0
            for i = 2, #KEYS do
              local limit = tonumber(ARGV[3 * i - 1])
              local length = tonumber(ARGV[3 * i])
              redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
              if redis.call('ZCARD', KEYS[i]) >= limit then
                local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
                local free = tonumber(oldest[2]) - now
                if free > length and free > tonumber(ARGV[4]) then free = tonumber(ARGV[4]) end
                if free > wait then wait = free end
              end
            end
            if wait > 0 then return wait end
            for i = 2, #KEYS do
              local ttl = tonumber(ARGV[3 * i])
              if ARGV[3 * i + 1] == '1' then ttl = ttl + tonumber(ARGV[3]) end
              redis.call('ZADD', KEYS[i], now + ttl, ARGV[2])
              if redis.call('PTTL', KEYS[i]) < ttl + grace then redis.call('PEXPIRE', KEYS[i], ttl + grace) end
            end
            return 0
            """.formatted(Expiry.GRACE.toMillis()));

    // KEYS: until-finished windows; ARGV[1] finished-at millis, ARGV[2] take id, then the length per window.
    static final Redis.Script FINISH = Redis.Script.of("rateFinish2", """
            local grace = %d
            local now = tonumber(ARGV[1])
            for i = 1, #KEYS do
              if redis.call('ZSCORE', KEYS[i], ARGV[2]) then
                local length = tonumber(ARGV[i + 2])
                redis.call('ZADD', KEYS[i], 'XX', now + length, ARGV[2])
                if redis.call('PTTL', KEYS[i]) < length + grace then redis.call('PEXPIRE', KEYS[i], length + grace) end
              end
            end
            return 0
            """.formatted(Expiry.GRACE.toMillis()));

    private final Redis redis;
    private final KeySchema keys;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong takes = new AtomicLong();

    RedisRateLimitStore(Redis redis, KeySchema keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Take take(String scope, List<Window> windows, Instant now, Duration maxFlight) {
        Objects.requireNonNull(now, "now");
        String[] keyList = new String[windows.size() + 1];
        String[] args = new String[4 + 3 * windows.size()];
        keyList[0] = keys.ratePause(scope);
        // Floor: a slightly early "now" keeps takes counting a little longer, never shorter.
        args[0] = Long.toString(now.toEpochMilli());
        // unique per take across instances, so two takes in the same millisecond both count
        String id = instance + ":" + takes.incrementAndGet();
        args[1] = id;
        args[2] = Long.toString(maxFlight.toMillis());
        args[3] = Long.toString(Math.max(1, IN_FLIGHT_RETRY.toMillis()));
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            keyList[i + 1] = keys.rateWindow(scope, w.name());
            args[4 + 3 * i] = Integer.toString(w.limit());
            args[5 + 3 * i] = Long.toString(w.length().toMillis());
            args[6 + 3 * i] = w.untilFinished() ? "1" : "0";
        }
        Long wait = redis.eval("rate take", TAKE, ScriptOutputType.INTEGER, keyList, args);
        return wait == 0 ? Take.granted(id) : Take.refused(Duration.ofMillis(wait));
    }

    @Override
    public void finish(String scope, List<Window> windows, String takeId, Instant now) {
        List<Window> held = windows.stream().filter(Window::untilFinished).toList();
        if (held.isEmpty() || takeId.isEmpty()) {
            return;
        }
        String[] keyList = new String[held.size()];
        String[] args = new String[2 + held.size()];
        // Ceiling: the request may have finished up to a millisecond after the floor of "now".
        args[0] = Long.toString(now.toEpochMilli() + 1);
        args[1] = takeId;
        for (int i = 0; i < held.size(); i++) {
            keyList[i] = keys.rateWindow(scope, held.get(i).name());
            args[2 + i] = Long.toString(held.get(i).length().toMillis());
        }
        redis.eval("rate finish", FINISH, ScriptOutputType.INTEGER, keyList, args);
    }

    @Override
    public void pause(String scope, Duration wait, Instant now) {
        // The pause is kept in the caller's time (like the windows); the TTL only cleans the key up.
        long px = Expiry.backstopMillis(wait);
        String until = Long.toString(now.plus(wait).toEpochMilli());
        redis.call("rate pause", c -> c.set(keys.ratePause(scope), until, SetArgs.Builder.px(px)));
    }
}
