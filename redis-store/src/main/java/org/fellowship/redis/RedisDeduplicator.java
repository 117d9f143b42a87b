package org.fellowship.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberProfileStore;
import org.fellowship.core.port.StoreUnavailableException;

/**
 * {@link EventDeduplicator} as one Lua script per event on {@code dedupe:<digest>}: atomic across instances, and no
 * key names a chat, message or member (see {@link KeySchema#dedupe}). The marker holds its window's end on the
 * store's clock ({@link Expiry}), so "seen" is decided by that clock and a marker is replaced only once its window has
 * passed. {@link #admit} sends the marker script and the actor's profile read together (one flush, one round trip)
 * instead of one after the other. Thread-safe.
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

    // KEYS[1] the marker; ARGV[1] backstop TTL ms, ARGV[2] now ms, ARGV[3] the window's end ms (the store's clock).
    // Returns nil for a duplicate (a marker whose window has not passed), else "1" after setting the marker.
    static final Redis.Script MARK = Redis.Script.of("mark", Expiry.LUA_ALIVE + """
            local seen = redis.call('GET', KEYS[1])
            if seen and alive(seen, tonumber(ARGV[2])) then return false end
            redis.call('SET', KEYS[1], ARGV[3] .. '|1', 'PX', ARGV[1])
            return '1'
            """);

    @Override
    public Admission admit(String key, Duration ttl, ChatUserId actor, boolean withProfile,
                           MemberProfileStore profiles) {
        Objects.requireNonNull(key, "key");
        if (!withProfile) {
            return firstSeen(key, ttl) ? new Admission(true, null) : Admission.DUPLICATE;
        }
        String[] marker = {keys.dedupe(key)};
        String[] args = markArgs(ttl);
        String profileKey = keys.profile(actor);
        // The marker and the profile live in different slots, so they are two commands, pipelined; a duplicate
        // merely wastes the profile read.
        List<Function<RedisAsyncCommands<String, String>, RedisFuture<String>>> steps = List.of(
                c -> c.<String>evalsha(MARK.sha(), ScriptOutputType.VALUE, marker, args), c -> c.get(profileKey));
        List<String> replies;
        try {
            replies = redis.callAll("admit", steps);
        } catch (StoreUnavailableException e) {
            if (!(e.getCause() instanceof RedisNoScriptException)) {
                throw e;
            }
            redis.load(MARK); // NOSCRIPT: the script did not run, so running the pair again is safe
            replies = redis.callAll("admit", steps);
        }
        if (replies.get(0) == null) {
            return Admission.DUPLICATE;
        }
        String profile = replies.get(1);
        return new Admission(true, profile == null ? Optional.empty() : Optional.of(codec.readProfile(profile)));
    }

    @Override
    public boolean firstSeen(String key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        return redis.eval("dedupe", MARK, ScriptOutputType.VALUE, new String[] {keys.dedupe(key)}, markArgs(ttl))
                != null;
    }

    private String[] markArgs(Duration ttl) {
        long now = expiry.now();
        long window = Math.max(1, ttl.toMillis());
        return new String[] {Long.toString(Expiry.backstopMillis(window)), Long.toString(now),
                Long.toString(now + window)};
    }
}
