package org.fellowship.redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.safety.MentorChain;
import org.fellowship.core.safety.MentorStore;

/**
 * The mentor chain's state in Redis, all under one hash tag (<code>{mentors}</code>) so the scripts may touch the
 * index and an alert together on a cluster:
 * <ul>
 *   <li><code>fs:v1:{mentors}:roster</code> hash {@code tg:7} -> mentor JSON v1</li>
 *   <li><code>fs:v1:{mentors}:seq</code> alert number counter (INCR)</li>
 *   <li><code>fs:v1:{mentors}:turns</code> hash tier -> round-robin position (HINCRBY)</li>
 *   <li><code>fs:v1:{mentors}:open</code> hash member ({@code tg:42}) -> id of their unresolved alert</li>
 *   <li><code>fs:v1:{mentors}:alert:ID</code> hash {@code rev} (compare-and-set revision), {@code data} (alert JSON
 *       v1); gets a TTL when resolved</li>
 * </ul>
 * Opening and every alert change are one Lua script each, so the one-open-alert rule and compare-and-set hold
 * across instances. Thread-safe.
 */
final class RedisMentorStore implements MentorStore {
    // KEYS[1] open index, KEYS[2] new alert key; ARGV[1] member field, ARGV[2] new id, ARGV[3] JSON,
    // ARGV[4] alert key prefix (same hash tag). Returns {id, rev, json} of the member's unresolved alert.
    static final Redis.Script OPEN = Redis.Script.of("mentorAlertOpen", """
            local existing = redis.call('HGET', KEYS[1], ARGV[1])
            if existing then
              local found = redis.call('HMGET', ARGV[4] .. existing, 'rev', 'data')
              if found[1] and found[2] then
                return {existing, found[1], found[2]}
              end
            end
            redis.call('HSET', KEYS[2], 'rev', '1', 'data', ARGV[3])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return {ARGV[2], '1', ARGV[3]}
            """);

    // KEYS[1] alert key, KEYS[2] open index; ARGV[1] expected rev, ARGV[2] JSON, ARGV[3] '1' when resolved,
    // ARGV[4] retention millis, ARGV[5] member field, ARGV[6] alert id. Returns the new revision, or 0 when stale.
    static final Redis.Script UPDATE = Redis.Script.of("mentorAlertUpdate", """
            local rev = redis.call('HGET', KEYS[1], 'rev')
            if (not rev) or rev ~= ARGV[1] then
              return 0
            end
            local next = redis.call('HINCRBY', KEYS[1], 'rev', 1)
            redis.call('HSET', KEYS[1], 'data', ARGV[2])
            if ARGV[3] == '1' then
              redis.call('PEXPIRE', KEYS[1], ARGV[4])
              if redis.call('HGET', KEYS[2], ARGV[5]) == ARGV[6] then
                redis.call('HDEL', KEYS[2], ARGV[5])
              end
            end
            return next
            """);

    private final Redis redis;
    private final KeySchema keys;
    private final MentorCodec codec;

    RedisMentorStore(Redis redis, KeySchema keys, MentorCodec codec) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
    }

    @Override
    public Optional<MentorChain.Mentor> mentor(ChatUserId id) {
        Objects.requireNonNull(id, "id");
        String json = redis.call("mentor read", c -> c.hget(keys.mentors("roster"), id.toString()));
        return json == null ? Optional.empty() : Optional.of(codec.readMentor(json));
    }

    @Override
    public void saveMentor(MentorChain.Mentor mentor) {
        String json = codec.writeMentor(mentor);
        redis.call("mentor write", c -> c.hset(keys.mentors("roster"), mentor.id().toString(), json));
    }

    @Override
    public List<MentorChain.Mentor> mentors() {
        Map<String, String> all = redis.call("mentor roster", c -> c.hgetall(keys.mentors("roster")));
        return all.values().stream().map(codec::readMentor)
                .sorted(Comparator.comparing((MentorChain.Mentor m) -> m.id().value())).toList();
    }

    @Override
    public long nextAlertNumber() {
        return redis.call("mentor alert sequence", c -> c.incr(keys.mentors("seq")));
    }

    @Override
    public long nextTurn(int tier) {
        return redis.call("mentor round-robin", c -> c.hincrby(keys.mentors("turns"), Integer.toString(tier), 1)) - 1;
    }

    @Override
    public MentorAlert openIfNone(MentorAlert alert) {
        List<Object> found = redis.eval("mentor alert open", OPEN, ScriptOutputType.MULTI,
                new String[] {keys.mentors("open"), alertKey(alert.id())}, alert.member().toString(), alert.id(),
                codec.writeAlert(alert), keys.mentors("alert:"));
        return codec.readAlert(String.valueOf(found.get(2)), Long.parseLong(String.valueOf(found.get(1))));
    }

    @Override
    public Optional<MentorAlert> alert(String id) {
        Objects.requireNonNull(id, "id");
        List<KeyValue<String, String>> fields = redis.call("mentor alert read",
                c -> c.hmget(alertKey(id), "rev", "data"));
        if (fields.size() < 2 || !fields.get(0).hasValue() || !fields.get(1).hasValue()) {
            return Optional.empty();
        }
        return Optional.of(codec.readAlert(fields.get(1).getValue(), Long.parseLong(fields.get(0).getValue())));
    }

    @Override
    public Optional<MentorAlert> openAlertOf(ChatUserId member) {
        Objects.requireNonNull(member, "member");
        String id = redis.call("mentor open alert", c -> c.hget(keys.mentors("open"), member.toString()));
        return id == null ? Optional.empty() : alert(id).filter(MentorAlert::open);
    }

    @Override
    public Optional<MentorAlert> update(MentorAlert next, Duration keepResolvedFor) {
        Objects.requireNonNull(keepResolvedFor, "keepResolvedFor");
        Long revision = redis.eval("mentor alert update", UPDATE, ScriptOutputType.INTEGER,
                new String[] {alertKey(next.id()), keys.mentors("open")}, Long.toString(next.revision()),
                codec.writeAlert(next), next.open() ? "0" : "1", Long.toString(Math.max(1, keepResolvedFor.toMillis())),
                next.member().toString(), next.id());
        if (revision == null || revision == 0L) {
            return Optional.empty();
        }
        return Optional.of(new MentorAlert(next.id(), next.member(), next.category(), next.tier(), next.state(),
                next.mentor(), next.mentorName(), next.opened(), next.updated(), revision));
    }

    private String alertKey(String id) {
        return keys.mentors("alert:" + id);
    }
}
