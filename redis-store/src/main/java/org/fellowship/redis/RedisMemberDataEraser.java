package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ScoredValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.store.MemberDataEraser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Export and erasure through the member's erasure index: a SET holding the name of every key stored about them.
 * All those keys share the member's hash tag, so one script can delete them together. Moderation records are listed
 * in the kept index instead ({@link KeySchema#keptIndex}): exported, never erased (one an older version listed for
 * erasure moves there on the next erase). Thread-safe; an erase
 * interrupted part-way leaves the rest listed and can simply be repeated.
 */
final class RedisMemberDataEraser implements MemberDataEraser {
    private static final Logger LOG = LoggerFactory.getLogger(RedisMemberDataEraser.class);
    private static final int MAX_ROUNDS = 100;

    // KEYS[1] index, KEYS[2..] listed keys. Deletes them, unlists them, and drops the index once it is empty
    // (a key listed concurrently survives to the next round instead of becoming unfindable).
    static final Redis.Script ERASE = Redis.Script.of("erase", """
            local deleted = 0
            for i = 2, #KEYS do
              deleted = deleted + redis.call('DEL', KEYS[i])
              redis.call('SREM', KEYS[1], KEYS[i])
            end
            if redis.call('SCARD', KEYS[1]) == 0 then
              redis.call('DEL', KEYS[1])
            end
            return deleted
            """);

    private final Redis redis;
    private final KeySchema keys;
    private final RecordCodec codec;
    private final Expiry expiry;

    RedisMemberDataEraser(Redis redis, KeySchema keys, RecordCodec codec, Expiry expiry) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.expiry = expiry;
    }

    @Override
    public Map<String, String> export(ChatUserId member) {
        Objects.requireNonNull(member, "member");
        Set<String> erasable = redis.call("export list", c -> c.smembers(keys.erasureIndex(member)));
        Set<String> listed = new java.util.TreeSet<>(erasable);
        listed.addAll(redis.call("export list", c -> c.smembers(keys.keptIndex(member))));
        String namePrefix = memberPrefix(member);
        Map<String, String> out = new TreeMap<>();
        String buttons = keys.memberButtons(member);
        for (String key : listed) {
            if (key.equals(buttons)) {
                continue; // names of button tokens, not data: the tokens expire within days, /forget deletes them
            }
            String value = read(key);
            if (value != null) {
                String name = key.startsWith(namePrefix) ? key.substring(namePrefix.length()) : key;
                out.put(name, value);
            }
        }
        return out;
    }

    private String memberPrefix(ChatUserId member) {
        String any = keys.user(member, "x");
        return any.substring(0, any.length() - 1);
    }

    /** A moderation record (warnings, case references) an older version listed for erasure: {@code /forget} keeps it. */
    private boolean keptRecord(ChatUserId member, String key) {
        String prefix = memberPrefix(member);
        return key.startsWith(prefix + RedisWarningStore.SUFFIX_START)
                || key.equals(prefix + RedisCaseLog.MEMBER_INDEX);
    }

    private String read(String key) {
        String type = redis.call("export type", c -> c.type(key));
        return switch (type) {
            // without its deadline; null (skipped) once the store's clock passed it
            case "string" -> expiry.unwrap(redis.call("export read", c -> c.get(key)));
            case "hash" -> codec.writeAny(redis.call("export read", c -> c.hgetall(key)));
            case "list" -> codec.writeAny(redis.call("export read", c -> c.lrange(key, 0, -1)));
            case "set" -> codec.writeAny(new ArrayList<>(redis.call("export read", c -> c.smembers(key))));
            case "zset" -> {
                Map<String, Double> scored = new TreeMap<>();
                for (ScoredValue<String> v : redis.call("export read", c -> c.zrangeWithScores(key, 0, -1))) {
                    scored.put(v.getValue(), v.getScore());
                }
                yield codec.writeAny(scored);
            }
            case "none" -> null; // listed but expired
            default -> codec.writeAny(Map.of("unsupported type", type));
        };
    }

    @Override
    public int erase(ChatUserId member) {
        Objects.requireNonNull(member, "member");
        String index = keys.erasureIndex(member);
        int deleted = deleteButtons(member);
        for (String key : redis.call("erase list", c -> c.smembers(index))) {
            if (keptRecord(member, key)) {
                redis.call("erase keep", c -> c.smove(index, keys.keptIndex(member), key));
            }
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Set<String> listed = redis.call("erase list", c -> c.smembers(index));
            List<String> scriptKeys = new ArrayList<>(listed.size() + 1);
            scriptKeys.add(index);
            scriptKeys.addAll(listed);
            Long n = redis.eval("erase", ERASE, ScriptOutputType.INTEGER, scriptKeys.toArray(String[]::new));
            deleted += n.intValue();
            if (redis.call("erase check", c -> c.exists(index)) == 0) {
                LOG.info("erased member data for {}: {} records", member, deleted);
                return deleted;
            }
        }
        throw new IllegalStateException("erasure index kept growing during erase; repeat the erase");
    }

    /**
     * Deletes the button tokens only the member may press (they live in the tokens' own slot, so one command each,
     * pipelined); the script below then deletes their index with the member's other keys.
     */
    private int deleteButtons(ChatUserId member) {
        List<String> tokens = redis.call("erase buttons", c -> c.zrange(keys.memberButtons(member), 0, -1));
        if (tokens.isEmpty()) {
            return 0;
        }
        List<java.util.function.Function<io.lettuce.core.api.async.RedisAsyncCommands<String, String>,
                io.lettuce.core.RedisFuture<Long>>> deletes = new ArrayList<>();
        for (String token : tokens) {
            deletes.add(c -> c.del(token));
        }
        return redis.callAll("erase buttons", deletes).stream().mapToInt(Long::intValue).sum();
    }

    @Override
    public boolean holdsAnything(ChatUserId member) {
        Objects.requireNonNull(member, "member");
        // The index itself names keys about the member, so it counts; the profile is checked in case it was
        // ever written without the index.
        Long n = redis.call("erase proof", c -> c.exists(keys.erasureIndex(member), keys.profile(member)));
        return n != null && n > 0;
    }
}
