package org.fellowship.redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fellowship.core.alert.AlertContext;
import org.fellowship.core.mentor.MentorAudit;
import org.fellowship.core.mentor.Mentor;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;

/**
 * The mentor chain's state in Redis, all under one hash tag (<code>{mentors}</code>) so the scripts may touch the
 * index and an alert together on a cluster:
 * <ul>
 *   <li><code>fs:v1:{mentors}:roster</code> hash {@code tg:7} -> mentor JSON v1</li>
 *   <li><code>fs:v1:{mentors}:seq</code> alert number counter (INCR)</li>
 *   <li><code>fs:v1:{mentors}:turns</code> hash tier -> round-robin position (HINCRBY)</li>
 *   <li><code>fs:v1:{mentors}:open</code> hash member ({@code tg:42}) -> id of their unresolved alert</li>
 *   <li><code>fs:v1:{mentors}:alert:ID</code> hash {@code rev} (compare-and-set revision), {@code data} (alert JSON
 *       v1); when resolved also {@code exp}, the end of its retention on the store's clock, after which it is
 *       gone (a Redis TTL of the retention plus {@link Expiry#GRACE} frees it)</li>
 *   <li><code>fs:v1:{mentors}:moderators-channel:tg</code> the moderators' channel of a platform ({@code tg:-100..})</li>
 *   <li><code>fs:v1:{mentors}:flagged:tg:42</code> the member's last flagged message context (JSON v1) with its
 *       deadline ({@link Expiry})</li>
 * </ul>
 * Opening and every alert change are one Lua script each, so the one-open-alert rule and compare-and-set hold
 * across instances. The moderators' channels are {@link ModeratorChannels}, the claimed groups {@link GroupClaims}.
 * Thread-safe.
 */
final class RedisMentorStore implements MentorStore {
    /** The audit stream keeps about this many newest entries (ids only, so a long tail is cheap). */
    static final long AUDIT_CAP = 100_000;

    // KEYS[1] open index, KEYS[2] new alert key, KEYS[3] the member's alert-id set (export and erasure);
    // ARGV[1] member field, ARGV[2] new id, ARGV[3] JSON, ARGV[4] alert key prefix (same hash tag).
    // Returns {id, rev, json} of the member's unresolved alert.
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
            redis.call('SADD', KEYS[3], ARGV[2])
            return {ARGV[2], '1', ARGV[3]}
            """);

    // KEYS[1] alert key, KEYS[2] open index; ARGV[1] expected rev, ARGV[2] JSON, ARGV[3] '1' when resolved,
    // ARGV[4] backstop TTL millis, ARGV[5] member field, ARGV[6] alert id, ARGV[7] now millis, ARGV[8] end of the
    // retention millis (the store's clock). Returns the new revision, or 0 when stale or expired.
    static final Redis.Script UPDATE = Redis.Script.of("mentorAlertUpdate", """
            local found = redis.call('HMGET', KEYS[1], 'rev', 'exp')
            local rev = found[1]
            if (not rev) or rev ~= ARGV[1] then
              return 0
            end
            if found[2] and tonumber(found[2]) <= tonumber(ARGV[7]) then
              return 0
            end
            local next = redis.call('HINCRBY', KEYS[1], 'rev', 1)
            redis.call('HSET', KEYS[1], 'data', ARGV[2])
            if ARGV[3] == '1' then
              redis.call('HSET', KEYS[1], 'exp', ARGV[8])
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
    private final Expiry expiry;
    private final ModeratorChannels channels;
    private final GroupClaims claims;

    RedisMentorStore(Redis redis, KeySchema keys, MentorCodec codec, Expiry expiry) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.expiry = expiry;
        this.channels = new ModeratorChannels(redis, keys);
        this.claims = new GroupClaims(redis, keys);
    }

    @Override
    public Optional<Mentor> mentor(ChatUserId id) {
        Objects.requireNonNull(id, "id");
        String json = redis.call("mentor read", c -> c.hget(keys.mentors("roster"), id.toString()));
        return json == null ? Optional.empty() : Optional.of(codec.readMentor(json));
    }

    @Override
    public void saveMentor(Mentor mentor) {
        String json = codec.writeMentor(mentor);
        redis.call("mentor write", c -> c.hset(keys.mentors("roster"), mentor.id().toString(), json));
    }

    @Override
    public List<Mentor> mentors() {
        Map<String, String> all = redis.call("mentor roster", c -> c.hgetall(keys.mentors("roster")));
        return all.values().stream().map(codec::readMentor)
                .sorted(Comparator.comparing((Mentor m) -> m.id().value())).toList();
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
                new String[] {keys.mentors("open"), alertKey(alert.id()), memberAlertsKey(alert.member())},
                alert.member().toString(), alert.id(),
                codec.writeAlert(alert), keys.mentors("alert:"));
        return codec.readAlert(String.valueOf(found.get(2)), Long.parseLong(String.valueOf(found.get(1))));
    }

    @Override
    public void rememberFlagged(ChatUserId member, AlertContext context, Duration keepFor) {
        String stored = expiry.wrap(codec.writeFlagged(context), keepFor);
        redis.call("mentor flagged write", c -> c.psetex(flaggedKey(member), Expiry.backstopMillis(keepFor), stored));
    }

    @Override
    public Optional<AlertContext> lastFlagged(ChatUserId member) {
        String json = expiry.unwrap(redis.call("mentor flagged read", c -> c.get(flaggedKey(member))));
        return json == null ? Optional.empty() : Optional.of(codec.readFlagged(json));
    }

    @Override
    public Optional<MentorAlert> alert(String id) {
        Objects.requireNonNull(id, "id");
        List<KeyValue<String, String>> fields = redis.call("mentor alert read",
                c -> c.hmget(alertKey(id), "rev", "data", "exp"));
        if (fields.size() < 3 || !fields.get(0).hasValue() || !fields.get(1).hasValue() || expired(fields.get(2))) {
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
        long now = expiry.now();
        long retention = Math.max(1, keepResolvedFor.toMillis());
        Long revision = redis.eval("mentor alert update", UPDATE, ScriptOutputType.INTEGER,
                new String[] {alertKey(next.id()), keys.mentors("open")}, Long.toString(next.revision()),
                codec.writeAlert(next), next.open() ? "0" : "1", Long.toString(Expiry.backstopMillis(retention)),
                next.member().toString(), next.id(), Long.toString(now), Long.toString(now + retention));
        if (revision == null || revision == 0L) {
            return Optional.empty();
        }
        return Optional.of(next.withRevision(revision));
    }

    @Override
    public List<MentorAlert> openAlerts() {
        Map<String, String> open = redis.call("mentor open alerts", c -> c.hgetall(keys.mentors("open")));
        return open.values().stream().sorted().map(this::alert).flatMap(Optional::stream).filter(MentorAlert::open)
                .toList();
    }

    @Override
    public void audit(MentorAudit entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("at", entry.at().toString());
        fields.put("alert", entry.alertId());
        fields.put("action", entry.action().name());
        fields.put("tier", Integer.toString(entry.tier()));
        if (entry.actor() != null) {
            fields.put("actorPlatform", entry.actor().platform().code());
            fields.put("actor", entry.actor().value());
        }
        redis.call("mentor audit append", c -> c.xadd(keys.mentors("audit"),
                XAddArgs.Builder.maxlen(AUDIT_CAP).approximateTrimming(), fields));
    }

    @Override
    public List<MentorAudit> auditOf(String alertId) {
        Objects.requireNonNull(alertId, "alertId");
        List<StreamMessage<String, String>> all = redis.call("mentor audit read",
                c -> c.xrange(keys.mentors("audit"), Range.create("-", "+")));
        List<MentorAudit> trail = new ArrayList<>();
        for (StreamMessage<String, String> m : all) {
            Map<String, String> f = m.getBody();
            if (!alertId.equals(f.get("alert"))) {
                continue;
            }
            try {
                ChatUserId actor = f.get("actor") == null ? null
                        : new ChatUserId(VersionedJson.platform(f.get("actorPlatform")), f.get("actor"));
                trail.add(new MentorAudit(Instant.parse(f.get("at")), alertId,
                        MentorAudit.Action.valueOf(f.get("action")), Integer.parseInt(f.get("tier")), actor));
            } catch (RuntimeException e) {
                throw new IllegalStateException("stored mentor audit entry " + m.getId() + " is invalid", e);
            }
        }
        return trail;
    }

    @Override
    public Optional<ConversationId> moderatorsChannel(Platform platform) {
        return channels.get(platform);
    }

    @Override
    public void setModeratorsChannel(Platform platform, ConversationId channel) {
        channels.set(platform, channel);
    }

    @Override
    public java.util.Set<CommunityId> claimedCommunities() {
        return claims.claimed();
    }

    @Override
    public String claimCode(String fresh) {
        return claims.code(fresh);
    }

    @Override
    public boolean claim(CommunityId community, String code, String next) {
        return claims.claim(community, code, next);
    }

    @Override
    public boolean unclaim(CommunityId community) {
        return claims.unclaim(community);
    }

    static String communityField(CommunityId community) {
        return community.platform().code() + ":" + community.value();
    }

    @Override
    public Map<String, String> export(ChatUserId member) {
        Map<String, String> records = new LinkedHashMap<>();
        String roster = redis.call("mentor read", c -> c.hget(keys.mentors("roster"), member.toString()));
        if (roster != null) {
            records.put("mentor roster entry", roster);
        }
        Set<String> ids = redis.call("mentor member alerts", c -> c.smembers(memberAlertsKey(member)));
        for (String id : new TreeSet<>(ids)) {
            List<KeyValue<String, String>> fields = redis.call("mentor alert read",
                    c -> c.hmget(alertKey(id), "data", "exp"));
            if (fields.size() == 2 && fields.get(0).hasValue() && !expired(fields.get(1))) {
                records.put("mentor alert " + id, fields.get(0).getValue());
            }
        }
        String flagged = expiry.unwrap(redis.call("mentor flagged read", c -> c.get(flaggedKey(member))));
        if (flagged != null) {
            records.put("last flagged message context", flagged);
        }
        return records;
    }

    @Override
    public int forget(ChatUserId member) {
        long removed = redis.call("mentor forget", c -> c.hdel(keys.mentors("roster"), member.toString()));
        redis.call("mentor forget", c -> c.hdel(keys.mentors("open"), member.toString()));
        Set<String> ids = redis.call("mentor member alerts", c -> c.smembers(memberAlertsKey(member)));
        for (String id : ids) {
            removed += redis.call("mentor forget", c -> c.del(alertKey(id)));
        }
        redis.call("mentor forget", c -> c.del(memberAlertsKey(member)));
        removed += redis.call("mentor forget", c -> c.del(flaggedKey(member)));
        return (int) removed;
    }

    /** Whether a resolved alert's {@code exp} field says its retention has ended on the store's clock. */
    private boolean expired(KeyValue<String, String> exp) {
        return exp.hasValue() && expiry.passed(Long.parseLong(exp.getValue()));
    }

    private String memberAlertsKey(ChatUserId member) {
        return keys.mentors("member-alerts:" + member);
    }

    private String flaggedKey(ChatUserId member) {
        return keys.mentors("flagged:" + member);
    }

    private String alertKey(String id) {
        return keys.mentors("alert:" + id);
    }
}
