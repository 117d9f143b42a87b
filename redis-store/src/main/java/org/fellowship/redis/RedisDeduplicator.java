package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberProfileStore;

/**
 * {@link EventDeduplicator} as {@code SET key 1 NX PX ttl}: atomic across instances. {@link #admit} does the same in
 * the actor's slot and reads their profile in the same script, saving the engine a round trip per command.
 * Thread-safe.
 */
final class RedisDeduplicator implements EventDeduplicator {
    private final Redis redis;
    private final KeySchema keys;
    private final RecordCodec codec;

    RedisDeduplicator(Redis redis, KeySchema keys, RecordCodec codec) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
    }

    // KEYS[1] seen marker, KEYS[2] profile (same slot: the actor's); ARGV[1] ttl ms, ARGV[2] "1" to read the profile.
    // Returns nil for a duplicate, "" for a new event without (or without a requested) profile, else the profile JSON.
    static final Redis.Script ADMIT = Redis.Script.of("admit", """
            if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return false end
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
        long px = Math.max(1, ttl.toMillis());
        String reply = redis.eval("admit", ADMIT, ScriptOutputType.VALUE,
                new String[] {keys.seen(actor, key), keys.profile(actor)}, Long.toString(px), withProfile ? "1" : "0");
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
        long px = Math.max(1, ttl.toMillis());
        String reply = redis.call("dedupe", c -> c.set(keys.dedupe(key), "1", SetArgs.Builder.nx().px(px)));
        return "OK".equals(reply);
    }
}
