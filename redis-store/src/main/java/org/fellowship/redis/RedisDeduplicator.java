package org.fellowship.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberProfileStore;

/**
 * {@link EventDeduplicator} as {@code SET dedupe:<digest> 1 NX PX ttl}: atomic across instances, and no key names a
 * chat, message or member (see {@link KeySchema#dedupe}). {@link #admit} sends the marker and the actor's profile
 * read together (one flush, one round trip) instead of one after the other. Thread-safe.
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

    @Override
    public Admission admit(String key, Duration ttl, ChatUserId actor, boolean withProfile,
                           MemberProfileStore profiles) {
        Objects.requireNonNull(key, "key");
        if (!withProfile) {
            return firstSeen(key, ttl) ? new Admission(true, null) : Admission.DUPLICATE;
        }
        long px = Math.max(1, ttl.toMillis());
        String marker = keys.dedupe(key);
        String profileKey = keys.profile(actor);
        // The marker and the profile live in different slots, so they are two commands, pipelined; a duplicate
        // merely wastes the profile read.
        List<Function<RedisAsyncCommands<String, String>, RedisFuture<String>>> steps = List.of(
                c -> c.set(marker, "1", SetArgs.Builder.nx().px(px)), c -> c.get(profileKey));
        List<String> replies = redis.callAll("admit", steps);
        if (!"OK".equals(replies.get(0))) {
            return Admission.DUPLICATE;
        }
        String profile = replies.get(1);
        return new Admission(true, profile == null ? Optional.empty() : Optional.of(codec.readProfile(profile)));
    }

    @Override
    public boolean firstSeen(String key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        long px = Math.max(1, ttl.toMillis());
        String reply = redis.call("dedupe", c -> c.set(keys.dedupe(key), "1", SetArgs.Builder.nx().px(px)));
        return "OK".equals(reply);
    }
}
