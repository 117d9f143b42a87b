package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.moderation.Warning;
import org.fellowship.moderation.WarningStore;

/**
 * Warnings are moderation records about a member: a list per member and community in the member's slot,
 * <code>fs:v1:{u:tg:42}:warnings:tg:-1001</code> (JSON v1 per entry), listed in the member's kept index
 * ({@link KeySchema#keptIndex}) by the same script that adds to it, so {@code /export} lists them and {@code /forget}
 * leaves them (a member cannot wipe warnings and restart the ladder). Expired entries are dropped when read.
 * Thread-safe; adds and removes are atomic.
 */
final class RedisWarningStore implements WarningStore {
    // KEYS[1] list, KEYS[2] kept index, KEYS[3] erasure index (same hash tag); ARGV[1] JSON. A list an older version
    // listed for erasure moves to the kept index.
    static final Redis.Script ADD = Redis.Script.of("warningAdd", """
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('SADD', KEYS[2], KEYS[1])
            redis.call('SREM', KEYS[3], KEYS[1])
            return 1
            """);

    /** How the member key's suffix of every warnings list starts. */
    static final String SUFFIX_START = "warnings:";

    private final Redis redis;
    private final KeySchema keys;
    private final ModerationCodec codec;

    RedisWarningStore(Redis redis, KeySchema keys, ModerationCodec codec) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
    }

    private String key(CommunityId community, ChatUserId member) {
        return keys.user(member, suffix(community));
    }

    /** The member key's suffix for their warnings in {@code community}. */
    static String suffix(CommunityId community) {
        return SUFFIX_START + community;
    }

    @Override
    public void add(Warning w) {
        redis.eval("warning add", ADD, ScriptOutputType.INTEGER,
                new String[] {key(w.community(), w.member()), keys.keptIndex(w.member()),
                        keys.erasureIndex(w.member())}, codec.writeWarning(w));
    }

    @Override
    public List<Warning> active(CommunityId community, ChatUserId member, Instant now) {
        String key = key(community, member);
        List<String> stored = redis.call("warnings read", c -> c.lrange(key, 0, -1));
        List<Warning> active = new ArrayList<>(stored.size());
        for (String json : stored) {
            Warning w = codec.readWarning(community, member, json);
            if (w.activeAt(now)) {
                active.add(w);
            } else {
                redis.call("warning expire", c -> c.lrem(key, 1, json)); // decayed: gone for good
            }
        }
        return active;
    }

    @Override
    public boolean remove(CommunityId community, ChatUserId member, long id) {
        String key = key(community, member);
        for (String json : redis.call("warnings read", c -> c.lrange(key, 0, -1))) {
            if (codec.readWarning(community, member, json).id() == id) {
                Long removed = redis.call("warning remove", c -> c.lrem(key, 1, json));
                return removed != null && removed > 0;
            }
        }
        return false;
    }
}
