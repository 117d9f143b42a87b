package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberProfileStore;

/**
 * {@link EventDeduplicator} as one Lua script per event: the marker holds its window's end on the store's clock
 * ({@link Expiry}), so "seen" is decided by that clock and a marker is replaced only once its window has passed;
 * atomic across instances. {@link #admit} does the same in the actor's slot and reads their profile in the same
 * script, saving the engine a round trip per command. Thread-safe.
 */
final class RedisDeduplicator implements EventDeduplicator {
    private final Redis redis;
    private final KeySchema keys;
    private final RecordCodec codec;
    private final Expiry expiry;

    RedisDeduplicator(Redis redis, KeySchema keys, RecordCodec codec, Expiry expiry) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.expiry = expiry;
    }

    // KEYS[1] seen marker, KEYS[2] profile (same slot: the actor's; only with ARGV[2] "1"); ARGV[1] backstop TTL ms,
    // ARGV[2] "1" to read the profile, ARGV[3] now ms, ARGV[4] the window's end ms (the store's clock).
    // Returns nil for a duplicate, "" for a new event without (or without a requested) profile, else the profile JSON.
    static final Redis.Script ADMIT = Redis.Script.of("admit", Expiry.LUA_ALIVE + """
            local seen = redis.call('GET', KEYS[1])
            if seen and alive(seen, tonumber(ARGV[3])) then return false end
            redis.call('SET', KEYS[1], ARGV[4] .. '|1', 'PX', ARGV[1])
            if ARGV[2] == '1' then
              local profile = redis.call('GET', KEYS[2])
              if profile then return profile end
            end
            return ''
            """);

    @Override
    public Admission admit(String key, Duration ttl, ChatUserId actor, boolean withProfile,
                           MemberProfileStore profiles) {
        Objects.requireNonNull(key, "key");
        String reply = mark(new String[] {keys.seen(actor, key), keys.profile(actor)}, ttl, withProfile);
        if (reply == null) {
            return Admission.DUPLICATE;
        }
        if (!withProfile) {
            return new Admission(true, null);
        }
        return new Admission(true, reply.isEmpty() ? Optional.empty() : Optional.of(codec.readProfile(reply)));
    }

    @Override
    public boolean firstSeen(String key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        return mark(new String[] {keys.dedupe(key)}, ttl, false) != null;
    }

    private String mark(String[] scriptKeys, Duration ttl, boolean withProfile) {
        long now = expiry.now();
        long window = Math.max(1, ttl.toMillis());
        return redis.eval("dedupe", ADMIT, ScriptOutputType.VALUE, scriptKeys, Long.toString(Expiry.backstopMillis(window)),
                withProfile ? "1" : "0", Long.toString(now), Long.toString(now + window));
    }
}
