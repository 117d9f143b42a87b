package org.fellowship.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.fellowship.core.checkin.CheckinRecord;
import org.fellowship.core.checkin.CheckinStore;
import org.fellowship.core.checkin.CommunityCheckins;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;

/**
 * Check-ins in Redis, shaped for a million members in a few hundred bytes each:
 * <ul>
 *   <li>settings and recent days live in bucket hashes <code>fs:v1:{ci}:s:&lt;n&gt;</code> and
 *       <code>fs:v1:{ci}:d:&lt;n&gt;</code> (field = member, e.g. {@code tg:42}; {@link #BUCKETS} buckets by the
 *       member's hash), about 60 members per bucket at a million, so every bucket stays listpack-encoded;</li>
 *   <li>the schedule index is one sorted set <code>fs:v1:{ci}:due</code> (member -> next event, epoch millis);</li>
 *   <li>private notes are <code>fs:v1:{u:tg:42}:checkin-notes</code> (hash date -> text, in the erasure index);</li>
 *   <li>daily counts <code>fs:v1:{tg:-1001}:ci:n:&lt;date&gt;</code> (expire after 3 days) and community settings
 *       <code>fs:v1:{tg:-1001}:checkin</code>.</li>
 * </ul>
 * Bucket fields are not keys, so the erasure index cannot list them: this store exports and erases them itself
 * ({@link #export}, {@link #erase}, combined into {@code /export} and {@code /forget} through {@link #asEraser()}).
 * Every change is one Lua script; {@link #replace} compares
 * both stored strings before writing. Thread-safe.
 */
final class RedisCheckinStore implements CheckinStore {
    /** Bucket count: a fixed power of two so a member's bucket never moves. */
    static final int BUCKETS = 16_384;
    private static final int NOTES_KEPT = 48;

    // KEYS[1] settings bucket, KEYS[2] days bucket. ARGV[1] member.
    static final Redis.Script FIND = Redis.Script.of("checkinFind", """
            return {redis.call('HGET', KEYS[1], ARGV[1]), redis.call('HGET', KEYS[2], ARGV[1])}
            """);

    // KEYS[1] settings bucket, KEYS[2] days bucket, KEYS[3] due index. ARGV: 1 member, 2 expected settings ('' none),
    // 3 expected days, 4 new settings, 5 new days, 6 score ('' = not indexed).
    static final Redis.Script REPLACE = Redis.Script.of("checkinReplace", """
            local s = redis.call('HGET', KEYS[1], ARGV[1]) or ''
            local d = redis.call('HGET', KEYS[2], ARGV[1]) or ''
            if s ~= ARGV[2] or d ~= ARGV[3] then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[5])
            if ARGV[6] == '' then
              redis.call('ZREM', KEYS[3], ARGV[1])
            else
              redis.call('ZADD', KEYS[3], ARGV[6], ARGV[1])
            end
            return 1
            """);

    // KEYS: settings bucket, days bucket per member (pairs). ARGV: members. Returns settings, days per member.
    static final Redis.Script FETCH = Redis.Script.of("checkinFetch", """
            local out = {}
            for i = 1, #ARGV do
              out[#out + 1] = redis.call('HGET', KEYS[2 * i - 1], ARGV[i]) or ''
              out[#out + 1] = redis.call('HGET', KEYS[2 * i], ARGV[i]) or ''
            end
            return out
            """);

    // KEYS[1] notes hash, KEYS[2] erasure index. ARGV: 1 date, 2 note, 3 max kept.
    static final Redis.Script NOTE = Redis.Script.of("checkinNote", """
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SADD', KEYS[2], KEYS[1])
            local n = redis.call('HLEN', KEYS[1]) - tonumber(ARGV[3])
            if n > 0 then
              local dates = redis.call('HKEYS', KEYS[1])
              table.sort(dates)
              for i = 1, n do redis.call('HDEL', KEYS[1], dates[i]) end
            end
            return 1
            """);

    // KEYS[1] counter. ARGV[1] ttl millis.
    static final Redis.Script COUNT = Redis.Script.of("checkinCount", """
            local n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return n
            """);

    // KEYS[1] settings bucket, KEYS[2] days bucket, KEYS[3] due index. ARGV[1] member.
    static final Redis.Script ERASE = Redis.Script.of("checkinErase", """
            local n = redis.call('HDEL', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[1])
            redis.call('ZREM', KEYS[3], ARGV[1])
            return n
            """);


    static final Redis.Script[] ALL = {FIND, REPLACE, FETCH, NOTE, COUNT, ERASE};
    private static final long COUNT_TTL_MILLIS = 3L * 24 * 3600 * 1000;

    private final Redis redis;
    private final KeySchema keys;
    private final CheckinCodec codec;
    private final RecordCodec json;

    RedisCheckinStore(Redis redis, KeySchema keys, CheckinCodec codec, RecordCodec json) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.json = json;
    }

    static String field(ChatUserId member) {
        return member.toString();
    }

    static int bucket(String field) {
        return Math.floorMod(field.hashCode(), BUCKETS);
    }

    private String[] memberKeys(String field) {
        int b = bucket(field);
        return new String[] {keys.checkinSettings(b), keys.checkinDays(b), keys.checkinDue()};
    }

    @Override
    public Optional<CheckinRecord> find(ChatUserId member) {
        Objects.requireNonNull(member, "member");
        String field = field(member);
        String[] k = memberKeys(field);
        List<Object> both = redis.eval("checkin read", FIND, ScriptOutputType.MULTI, new String[] {k[0], k[1]}, field);
        String settings = both.size() > 0 ? (String) both.get(0) : null;
        String days = both.size() > 1 ? (String) both.get(1) : null;
        return settings == null ? Optional.empty() : Optional.of(codec.read(member, settings, days));
    }

    @Override
    public boolean replace(CheckinRecord expected, CheckinRecord updated, Instant nextEventAt) {
        Objects.requireNonNull(updated, "updated");
        String field = field(updated.member());
        Long done = redis.eval("checkin write", REPLACE, ScriptOutputType.INTEGER, memberKeys(field), field,
                expected == null ? "" : codec.writeSettings(expected), expected == null ? "" : codec.writeDays(expected.log()),
                codec.writeSettings(updated), codec.writeDays(updated.log()),
                nextEventAt == null ? "" : Long.toString(nextEventAt.toEpochMilli()));
        return done != null && done == 1L;
    }

    @Override
    public List<CheckinRecord> due(Instant now, int max) {
        List<String> members = redis.call("checkin due", c -> c.zrangebyscore(keys.checkinDue(),
                Range.create(Double.NEGATIVE_INFINITY, (double) now.toEpochMilli()), Limit.create(0, max)));
        if (members.isEmpty()) {
            return List.of();
        }
        String[] k = new String[members.size() * 2];
        for (int i = 0; i < members.size(); i++) {
            int b = bucket(members.get(i));
            k[2 * i] = keys.checkinSettings(b);
            k[2 * i + 1] = keys.checkinDays(b);
        }
        List<Object> flat = redis.eval("checkin fetch", FETCH, ScriptOutputType.MULTI, k, members.toArray(String[]::new));
        List<CheckinRecord> out = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            String settings = (String) flat.get(2 * i);
            if (settings == null || settings.isEmpty()) {
                continue; // erased meanwhile
            }
            String days = (String) flat.get(2 * i + 1);
            out.add(codec.read(member(members.get(i)), settings, days == null || days.isEmpty() ? null : days));
        }
        return out;
    }

    private static ChatUserId member(String field) {
        int cut = field.indexOf(':');
        String code = field.substring(0, cut);
        for (Platform p : Platform.values()) {
            if (p.code().equals(code)) {
                return new ChatUserId(p, field.substring(cut + 1));
            }
        }
        throw new IllegalStateException("unknown platform in the check-in index");
    }

    @Override
    public Optional<Instant> nextEventAt() {
        List<ScoredValue<String>> first = redis.call("checkin next", c -> c.zrangeWithScores(keys.checkinDue(), 0, 0));
        return first.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli((long) first.get(0).getScore()));
    }

    @Override
    public void saveNote(ChatUserId member, LocalDate day, String note) {
        redis.eval("checkin note", NOTE, ScriptOutputType.INTEGER,
                new String[] {keys.user(member, "checkin-notes"), keys.erasureIndex(member)}, day.toString(), note,
                Integer.toString(NOTES_KEPT));
    }

    @Override
    public Map<LocalDate, String> notes(ChatUserId member) {
        Map<String, String> raw = redis.call("checkin notes", c -> c.hgetall(keys.user(member, "checkin-notes")));
        Map<LocalDate, String> out = new TreeMap<>();
        raw.forEach((d, n) -> out.put(LocalDate.parse(d), n));
        return out;
    }

    @Override
    public long countCheckin(CommunityId community, LocalDate day) {
        Long n = redis.eval("checkin count", COUNT, ScriptOutputType.INTEGER,
                new String[] {keys.community(community, "ci:n:" + day)}, Long.toString(COUNT_TTL_MILLIS));
        return n == null ? 0 : n;
    }

    @Override
    public long checkins(CommunityId community, LocalDate day) {
        String n = redis.call("checkin counted", c -> c.get(keys.community(community, "ci:n:" + day)));
        return n == null ? 0 : Long.parseLong(n);
    }

    @Override
    public Optional<CommunityCheckins> community(CommunityId community) {
        String v = redis.call("checkin community", c -> c.get(keys.community(community, "checkin")));
        return v == null ? Optional.empty() : Optional.of(codec.readCommunity(community, v));
    }

    @Override
    public void saveCommunity(CommunityCheckins settings) {
        String v = codec.writeCommunity(settings);
        redis.call("checkin community write", c -> c.set(keys.community(settings.community(), "checkin"), v));
    }

    @Override
    public Map<String, String> export(ChatUserId member) {
        Map<String, String> out = new TreeMap<>();
        find(member).ifPresent(r -> out.put("checkin", json.writeAny(codec.describe(r))));
        Map<LocalDate, String> notes = notes(member);
        if (!notes.isEmpty()) {
            Map<String, String> byDate = new TreeMap<>();
            notes.forEach((d, n) -> byDate.put(d.toString(), n));
            out.put("checkin-notes", json.writeAny(byDate));
        }
        return out;
    }

    @Override
    public int erase(ChatUserId member) {
        String field = field(member);
        Long fields = redis.eval("checkin erase", ERASE, ScriptOutputType.INTEGER, memberKeys(field), field);
        int n = fields == null ? 0 : fields.intValue();
        Long notes = redis.call("checkin notes erase", c -> c.del(keys.user(member, "checkin-notes")));
        return n + (notes == null ? 0 : notes.intValue());
    }
}
