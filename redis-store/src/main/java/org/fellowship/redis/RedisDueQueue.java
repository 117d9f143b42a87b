package org.fellowship.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.schedule.ClaimedItem;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.DueQueue;

/**
 * The due-queue in Redis: per {@link DueLane lane} a sorted set of ids scored by due time in epoch millis (while
 * leased: by lease expiry, so an expired lease is simply due again), a hash of {@code kind|dueAtMillis|payload} records, a hash of lease
 * tokens and a hash of attempt counts, all under the <code>{due}</code> hash tag. Done markers are one string per
 * id (keyed by a digest of it) holding the end of {@code doneRetention} on the store's clock ({@link Expiry}). Every
 * change is one Lua script, so claims are atomic across instances. {@code now} always comes from the caller or the
 * store's clock (a simulated clock works), never from the Redis clock.
 *
 * <p>Thread-safe. Claim cost is O(log N + claimed) with a fixed number of Redis calls per 1,000 claimed items.
 */
final class RedisDueQueue implements DueQueue {
    // Scripts that act on one id take the same keys: 1 payloads, 2 leases, 3 attempts, 4 the id's done marker,
    // 5 subjects, 6.. every lane's schedule (for SCHEDULE the item's own lane first). An id sits in at most one
    // schedule. An item about a member is also in the set <about prefix><member> (same {due} slot; the scripts
    // build that key from the prefix and the subject they read, since only they know the subject).

    // Drops the item from its member's index. ARGV[n] of the calling script is the about prefix.
    private static final String UNINDEX = """
            local function unindex(id, prefix)
              local subject = redis.call('HGET', KEYS[5], id)
              if subject then
                redis.call('SREM', prefix .. subject, id)
                redis.call('HDEL', KEYS[5], id)
              end
            end
            """;

    // ARGV: 1 id, 2 dueAt ms, 3 record, 4 subject or '', 5 about prefix, 6 now ms (the store's clock: a done marker
    // counts until its deadline).
    static final Redis.Script SCHEDULE = Redis.Script.of("dueSchedule", Expiry.LUA_ALIVE + """
            local done = redis.call('GET', KEYS[4])
            if done and alive(done, tonumber(ARGV[6])) then return 0 end
            for i = 6, #KEYS do
              if redis.call('ZSCORE', KEYS[i], ARGV[1]) then return 0 end
            end
            redis.call('ZADD', KEYS[6], ARGV[2], ARGV[1])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            if ARGV[4] ~= '' then
              redis.call('HSET', KEYS[5], ARGV[1], ARGV[4])
              redis.call('SADD', ARGV[5] .. ARGV[4], ARGV[1])
            end
            return 1
            """);

    // KEYS: 1 the lane's schedule, 2 payloads, 3 leases, 4 attempts, 5 subjects. ARGV: 1 now ms, 2 max, 3 lease
    // expiry ms, 4 token prefix. Returns a flat list: id, token, attempt, record, subject (or '') per claimed item.
    // Bulk commands per chunk of 1,000 keep the Lua stack small and the number of redis.call()s independent of the
    // batch size.
    static final Redis.Script CLAIM = Redis.Script.of("dueClaim", """
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            local out = {}
            local chunk = 1000
            for from = 1, #ids, chunk do
              local to = math.min(from + chunk - 1, #ids)
              local part = {unpack(ids, from, to)}
              local attempts = redis.call('HMGET', KEYS[4], unpack(part))
              local records = redis.call('HMGET', KEYS[2], unpack(part))
              local subjects = redis.call('HMGET', KEYS[5], unpack(part))
              local zargs, largs, aargs = {}, {}, {}
              for i, id in ipairs(part) do
                local token = ARGV[4] .. (from + i - 1)
                local attempt = (tonumber(attempts[i]) or 0) + 1
                zargs[#zargs + 1] = ARGV[3]; zargs[#zargs + 1] = id
                largs[#largs + 1] = id; largs[#largs + 1] = token
                aargs[#aargs + 1] = id; aargs[#aargs + 1] = attempt
                out[#out + 1] = id; out[#out + 1] = token; out[#out + 1] = attempt
                out[#out + 1] = records[i] or ''
                out[#out + 1] = subjects[i] or ''
              end
              redis.call('ZADD', KEYS[1], 'XX', unpack(zargs))
              redis.call('HSET', KEYS[3], unpack(largs))
              redis.call('HSET', KEYS[4], unpack(aargs))
            end
            return out
            """);

    // ARGV: 1 id, 2 token, 3 backstop TTL ms, 4 about prefix, 5 end of the retention ms (the store's clock).
    static final Redis.Script COMPLETE = Redis.Script.of("dueComplete", UNINDEX + """
            if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
            for i = 6, #KEYS do
              redis.call('ZREM', KEYS[i], ARGV[1])
            end
            unindex(ARGV[1], ARGV[4])
            redis.call('HDEL', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('SET', KEYS[4], ARGV[5] .. '|1', 'PX', ARGV[3])
            return 1
            """);

    // ARGV: 1 id, 2 token, 3 until ms. Only the holder's token extends the lease (the score on its lane).
    static final Redis.Script RENEW = Redis.Script.of("dueRenew", """
            if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
            for i = 6, #KEYS do
              redis.call('ZADD', KEYS[i], 'XX', ARGV[3], ARGV[1])
            end
            return 1
            """);

    // Replaces the due time inside a kind|dueAt|payload record.
    private static final String REDATE = """
            local function redate(record, due)
              local p1 = string.find(record, '|', 1, true)
              local p2 = string.find(record, '|', p1 + 1, true)
              return string.sub(record, 1, p1) .. due .. string.sub(record, p2)
            end
            """;

    // ARGV: 1 id, 2 token, 3 retryAt ms. Keeps the attempt count and the lane.
    static final Redis.Script RETRY = Redis.Script.of("dueRetry", REDATE + """
            if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
            local record = redis.call('HGET', KEYS[1], ARGV[1])
            if not record then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], redate(record, ARGV[3]))
            for i = 6, #KEYS do
              redis.call('ZADD', KEYS[i], 'XX', ARGV[3], ARGV[1])
            end
            redis.call('HDEL', KEYS[2], ARGV[1])
            return 1
            """);

    // ARGV: 1 id, 2 dueAt ms. Only pending, unleased items move (on their own lane).
    static final Redis.Script RESCHEDULE = Redis.Script.of("dueReschedule", REDATE + """
            if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 0 end
            local lane = nil
            for i = 6, #KEYS do
              if redis.call('ZSCORE', KEYS[i], ARGV[1]) then lane = KEYS[i] end
            end
            if not lane then return 0 end
            local record = redis.call('HGET', KEYS[1], ARGV[1])
            if not record then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], redate(record, ARGV[2]))
            redis.call('ZADD', lane, 'XX', ARGV[2], ARGV[1])
            return 1
            """);

    // ARGV: 1 id, 2 about prefix. Leased items stay with their worker.
    static final Redis.Script CANCEL = Redis.Script.of("dueCancel", UNINDEX + """
            if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 0 end
            local removed = 0
            for i = 6, #KEYS do
              removed = removed + redis.call('ZREM', KEYS[i], ARGV[1])
            end
            if removed == 0 then return 0 end
            unindex(ARGV[1], ARGV[2])
            redis.call('HDEL', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            return 1
            """);

    // KEYS: 1 payloads, 2 leases, 3 attempts, 4 subjects, 5 the member's about set, 6.. schedules. Removes every
    // item about the member, leased or not (its worker can then no longer complete it), and the set.
    static final Redis.Script FORGET = Redis.Script.of("dueForget", """
            local ids = redis.call('SMEMBERS', KEYS[5])
            for _, id in ipairs(ids) do
              for i = 6, #KEYS do
                redis.call('ZREM', KEYS[i], id)
              end
              redis.call('HDEL', KEYS[1], id)
              redis.call('HDEL', KEYS[2], id)
              redis.call('HDEL', KEYS[3], id)
              redis.call('HDEL', KEYS[4], id)
            end
            redis.call('DEL', KEYS[5])
            return #ids
            """);

    static final Redis.Script[] ALL = {SCHEDULE, CLAIM, COMPLETE, RENEW, RETRY, RESCHEDULE, CANCEL, FORGET};

    private final Redis redis;
    private final KeySchema keys;
    private final Duration doneRetention;
    private final String[] schedules;
    private final Expiry expiry;

    RedisDueQueue(Redis redis, KeySchema keys, Duration doneRetention, Expiry expiry) {
        this.redis = redis;
        this.keys = keys;
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.doneRetention = Objects.requireNonNull(doneRetention, "doneRetention");
        if (doneRetention.isNegative() || doneRetention.isZero()) {
            throw new IllegalArgumentException("doneRetention must be positive");
        }
        this.schedules = java.util.Arrays.stream(DueLane.values()).map(keys::dueSchedule).toArray(String[]::new);
    }

    /** Keys of the scripts that act on one id; {@code lane} (if given) goes first among the schedules. */
    private String[] idKeys(String id, DueLane lane) {
        String[] k = new String[5 + schedules.length];
        k[0] = keys.duePayloads();
        k[1] = keys.dueLeases();
        k[2] = keys.dueAttempts();
        k[3] = keys.dueDone(id);
        k[4] = keys.dueSubjects();
        int i = 5;
        if (lane != null) {
            k[i++] = keys.dueSchedule(lane);
        }
        for (DueLane other : DueLane.values()) {
            if (other != lane) {
                k[i++] = keys.dueSchedule(other);
            }
        }
        return k;
    }

    @Override
    public boolean schedule(DueItem item) {
        String due = Long.toString(item.dueAt().toEpochMilli());
        String record = item.kind() + "|" + due + "|" + item.payload();
        Long added = redis.eval("due schedule", SCHEDULE, ScriptOutputType.INTEGER, idKeys(item.id(), item.lane()),
                item.id(), due, record, item.subject() == null ? "" : item.subject().toString(), keys.dueAboutPrefix(),
                Long.toString(expiry.now()));
        return added == 1;
    }

    @Override
    public boolean reschedule(String id, Instant dueAt) {
        Objects.requireNonNull(id, "id");
        Long moved = redis.eval("due reschedule", RESCHEDULE, ScriptOutputType.INTEGER, idKeys(id, null), id,
                Long.toString(dueAt.toEpochMilli()));
        return moved == 1;
    }

    @Override
    public boolean cancel(String id) {
        Objects.requireNonNull(id, "id");
        Long removed = redis.eval("due cancel", CANCEL, ScriptOutputType.INTEGER, idKeys(id, null), id,
                keys.dueAboutPrefix());
        return removed == 1;
    }

    @Override
    public List<ClaimedItem> claim(DueLane lane, Instant now, int max, Duration lease) {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(now, "now");
        if (max <= 0) {
            return List.of();
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        Instant expires = now.plus(lease);
        // Unique per call; the script appends the position, so every lease token is distinct.
        String tokenPrefix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "-";
        String[] claimKeys = {keys.dueSchedule(lane), keys.duePayloads(), keys.dueLeases(), keys.dueAttempts(),
                keys.dueSubjects()};
        List<Object> flat = redis.eval("due claim", CLAIM, ScriptOutputType.MULTI, claimKeys,
                Long.toString(now.toEpochMilli()), Integer.toString(max), Long.toString(expires.toEpochMilli()),
                tokenPrefix);
        List<ClaimedItem> claimed = new ArrayList<>(flat.size() / 5);
        for (int i = 0; i + 4 < flat.size(); i += 5) {
            String id = (String) flat.get(i);
            String token = (String) flat.get(i + 1);
            int attempt = ((Long) flat.get(i + 2)).intValue();
            String record = (String) flat.get(i + 3);
            DueItem item = decode(id, record, lane, (String) flat.get(i + 4));
            if (item == null) {
                // Should not happen (the record is written with the id). Handed out all the same, so the worker
                // dead-letters it instead of it coming back after every lease.
                item = DueItem.unreadable(id, lane, now);
            }
            claimed.add(new ClaimedItem(item, token, expires, attempt));
        }
        return claimed;
    }

    private static DueItem decode(String id, String record, DueLane lane, String subject) {
        if (record == null) {
            return null;
        }
        int p1 = record.indexOf('|');
        int p2 = p1 < 0 ? -1 : record.indexOf('|', p1 + 1);
        if (p2 < 0) {
            return null;
        }
        try {
            Instant dueAt = Instant.ofEpochMilli(Long.parseLong(record, p1 + 1, p2, 10));
            return new DueItem(id, record.substring(0, p1), dueAt, record.substring(p2 + 1), lane,
                    subject == null || subject.isEmpty() ? null : ChatUserId.parse(subject));
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean complete(ClaimedItem claimed) {
        String id = claimed.item().id();
        Long done = redis.eval("due complete", COMPLETE, ScriptOutputType.INTEGER, idKeys(id, null), id,
                claimed.leaseToken(), Long.toString(Expiry.backstopMillis(doneRetention)), keys.dueAboutPrefix(),
                Long.toString(expiry.deadline(doneRetention)));
        return done == 1;
    }

    @Override
    public boolean renew(ClaimedItem claimed, Instant until) {
        String id = claimed.item().id();
        Long renewed = redis.eval("due renew", RENEW, ScriptOutputType.INTEGER, idKeys(id, null), id,
                claimed.leaseToken(), Long.toString(until.toEpochMilli()));
        return renewed == 1;
    }

    @Override
    public boolean retry(ClaimedItem claimed, Instant retryAt) {
        Long back = redis.eval("due retry", RETRY, ScriptOutputType.INTEGER, idKeys(claimed.item().id(), null),
                claimed.item().id(),
                claimed.leaseToken(), Long.toString(retryAt.toEpochMilli()));
        return back == 1;
    }

    @Override
    public boolean isDone(String id) {
        Objects.requireNonNull(id, "id");
        return expiry.unwrap(redis.call("due done", c -> c.get(keys.dueDone(id)))) != null;
    }

    @Override
    public Optional<Instant> nextDueAt() {
        List<Function<RedisAsyncCommands<String, String>, RedisFuture<List<ScoredValue<String>>>>> firsts =
                new ArrayList<>();
        for (String schedule : schedules) {
            firsts.add(c -> c.zrangebyscoreWithScores(schedule, Range.unbounded(), Limit.create(0, 1)));
        }
        return redis.callAll("due next", firsts).stream().filter(first -> !first.isEmpty())
                .map(first -> Instant.ofEpochMilli((long) first.get(0).getScore())).min(Instant::compareTo);
    }

    @Override
    public long size() {
        List<Function<RedisAsyncCommands<String, String>, RedisFuture<Long>>> counts = new ArrayList<>();
        for (String schedule : schedules) {
            counts.add(c -> c.zcard(schedule));
        }
        return redis.callAll("due size", counts).stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public List<DueItem> about(ChatUserId member) {
        Objects.requireNonNull(member, "member");
        List<String> ids = new ArrayList<>(redis.call("due about", c -> c.smembers(keys.dueAbout(member))));
        if (ids.isEmpty()) {
            return List.of();
        }
        List<io.lettuce.core.KeyValue<String, String>> records = redis.call("due about",
                c -> c.hmget(keys.duePayloads(), ids.toArray(String[]::new)));
        List<DueItem> out = new ArrayList<>(records.size());
        for (io.lettuce.core.KeyValue<String, String> kv : records) {
            // for export and erasure: the lane is not looked up (the record does not say it), the default stands in
            DueItem item = kv.hasValue() ? decode(kv.getKey(), kv.getValue(), DueLane.DEFAULT, member.toString()) : null;
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    @Override
    public int forget(ChatUserId member) {
        Objects.requireNonNull(member, "member");
        String[] k = new String[5 + schedules.length];
        k[0] = keys.duePayloads();
        k[1] = keys.dueLeases();
        k[2] = keys.dueAttempts();
        k[3] = keys.dueSubjects();
        k[4] = keys.dueAbout(member);
        System.arraycopy(schedules, 0, k, 5, schedules.length);
        Long removed = redis.eval("due forget", FORGET, ScriptOutputType.INTEGER, k);
        return removed.intValue();
    }
}
