package org.fellowship.redis;

import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.fellowship.core.schedule.ClaimedItem;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The due-queue in Redis: a sorted set of ids scored by due time in epoch millis (while leased: by lease expiry,
 * so an expired lease is simply due again), a hash of {@code kind|dueAtMillis|payload} records, a hash of lease
 * tokens and a hash of attempt counts, all under the <code>{due}</code> hash tag. Done markers are one string per
 * id holding the end of {@code doneRetention} on the store's clock ({@link Expiry}). Every change is one Lua script,
 * so claims are atomic across instances. {@code now} always comes from the caller or the store's clock (a simulated
 * clock works), never from the Redis clock.
 *
 * <p>Thread-safe. Claim cost is O(log N + claimed) with a fixed number of Redis calls per 1,000 claimed items.
 */
final class RedisDueQueue implements DueQueue {
    private static final Logger LOG = LoggerFactory.getLogger(RedisDueQueue.class);

    // KEYS: 1 schedule, 2 payloads, 3 leases, 4 attempts, 5 done marker. ARGV: 1 id, 2 dueAt ms, 3 record, 4 now ms
    // (the store's clock: a done marker counts until its deadline).
    static final Redis.Script SCHEDULE = Redis.Script.of("dueSchedule", Expiry.LUA_ALIVE + """
            local done = redis.call('GET', KEYS[5])
            if done and alive(done, tonumber(ARGV[4])) then return 0 end
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            return 1
            """);

    // KEYS: 1 schedule, 2 payloads, 3 leases, 4 attempts. ARGV: 1 now ms, 2 max, 3 lease expiry ms, 4 token prefix.
    // Returns a flat list: id, token, attempt, record per claimed item. Bulk commands per chunk of 1,000 keep the
    // Lua stack small and the number of redis.call()s independent of the batch size.
    static final Redis.Script CLAIM = Redis.Script.of("dueClaim", """
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            local out = {}
            local chunk = 1000
            for from = 1, #ids, chunk do
              local to = math.min(from + chunk - 1, #ids)
              local part = {unpack(ids, from, to)}
              local attempts = redis.call('HMGET', KEYS[4], unpack(part))
              local records = redis.call('HMGET', KEYS[2], unpack(part))
              local zargs, largs, aargs = {}, {}, {}
              for i, id in ipairs(part) do
                local token = ARGV[4] .. (from + i - 1)
                local attempt = (tonumber(attempts[i]) or 0) + 1
                zargs[#zargs + 1] = ARGV[3]; zargs[#zargs + 1] = id
                largs[#largs + 1] = id; largs[#largs + 1] = token
                aargs[#aargs + 1] = id; aargs[#aargs + 1] = attempt
                out[#out + 1] = id; out[#out + 1] = token; out[#out + 1] = attempt
                out[#out + 1] = records[i] or ''
              end
              redis.call('ZADD', KEYS[1], 'XX', unpack(zargs))
              redis.call('HSET', KEYS[3], unpack(largs))
              redis.call('HSET', KEYS[4], unpack(aargs))
            end
            return out
            """);

    // KEYS: 1 schedule, 2 payloads, 3 leases, 4 attempts, 5 done marker. ARGV: 1 id, 2 token, 3 backstop TTL ms,
    // 4 end of the retention ms (the store's clock).
    static final Redis.Script COMPLETE = Redis.Script.of("dueComplete", """
            if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            redis.call('SET', KEYS[5], ARGV[4] .. '|1', 'PX', ARGV[3])
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

    // KEYS: 1 schedule, 2 payloads, 3 leases. ARGV: 1 id, 2 token, 3 retryAt ms. Keeps the attempt count.
    static final Redis.Script RETRY = Redis.Script.of("dueRetry", REDATE + """
            if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
            local record = redis.call('HGET', KEYS[2], ARGV[1])
            if not record then return 0 end
            redis.call('HSET', KEYS[2], ARGV[1], redate(record, ARGV[3]))
            redis.call('ZADD', KEYS[1], 'XX', ARGV[3], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            return 1
            """);

    // KEYS: 1 schedule, 2 payloads, 3 leases. ARGV: 1 id, 2 dueAt ms. Only pending, unleased items move.
    static final Redis.Script RESCHEDULE = Redis.Script.of("dueReschedule", REDATE + """
            if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return 0 end
            if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
            local record = redis.call('HGET', KEYS[2], ARGV[1])
            if not record then return 0 end
            redis.call('HSET', KEYS[2], ARGV[1], redate(record, ARGV[2]))
            redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[1])
            return 1
            """);

    // KEYS: 1 schedule, 2 payloads, 3 leases, 4 attempts. ARGV: 1 id. Leased items stay with their worker.
    static final Redis.Script CANCEL = Redis.Script.of("dueCancel", """
            if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return 0 end
            if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
            redis.call('HDEL', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            return 1
            """);

    static final Redis.Script[] ALL = {SCHEDULE, CLAIM, COMPLETE, RETRY, RESCHEDULE, CANCEL};

    private final Redis redis;
    private final KeySchema keys;
    private final Duration doneRetention;
    private final Expiry expiry;
    private final String[] mainKeys;

    RedisDueQueue(Redis redis, KeySchema keys, Duration doneRetention, Expiry expiry) {
        this.redis = redis;
        this.keys = keys;
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.doneRetention = Objects.requireNonNull(doneRetention, "doneRetention");
        if (doneRetention.isNegative() || doneRetention.isZero()) {
            throw new IllegalArgumentException("doneRetention must be positive");
        }
        this.mainKeys = new String[] {keys.dueSchedule(), keys.duePayloads(), keys.dueLeases(), keys.dueAttempts()};
    }

    @Override
    public boolean schedule(DueItem item) {
        String due = Long.toString(item.dueAt().toEpochMilli());
        String record = item.kind() + "|" + due + "|" + item.payload();
        Long added = redis.eval("due schedule", SCHEDULE, ScriptOutputType.INTEGER, withDone(item.id()),
                item.id(), due, record, Long.toString(expiry.now()));
        return added == 1;
    }

    @Override
    public boolean reschedule(String id, Instant dueAt) {
        Objects.requireNonNull(id, "id");
        Long moved = redis.eval("due reschedule", RESCHEDULE, ScriptOutputType.INTEGER, mainKeys, id,
                Long.toString(dueAt.toEpochMilli()));
        return moved == 1;
    }

    @Override
    public boolean cancel(String id) {
        Objects.requireNonNull(id, "id");
        Long removed = redis.eval("due cancel", CANCEL, ScriptOutputType.INTEGER, mainKeys, id);
        return removed == 1;
    }

    @Override
    public List<ClaimedItem> claim(Instant now, int max, Duration lease) {
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
        List<Object> flat = redis.eval("due claim", CLAIM, ScriptOutputType.MULTI, mainKeys,
                Long.toString(now.toEpochMilli()), Integer.toString(max), Long.toString(expires.toEpochMilli()),
                tokenPrefix);
        List<ClaimedItem> claimed = new ArrayList<>(flat.size() / 4);
        for (int i = 0; i + 3 < flat.size(); i += 4) {
            String id = (String) flat.get(i);
            String token = (String) flat.get(i + 1);
            int attempt = ((Long) flat.get(i + 2)).intValue();
            String record = (String) flat.get(i + 3);
            DueItem item = decode(id, record);
            if (item == null) {
                // Should not happen (the record is written with the id); leave it leased so it is visible.
                LOG.warn("due item {} has no valid record; skipped", id);
                continue;
            }
            claimed.add(new ClaimedItem(item, token, expires, attempt));
        }
        return claimed;
    }

    private static DueItem decode(String id, String record) {
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
            return new DueItem(id, record.substring(0, p1), dueAt, record.substring(p2 + 1));
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean complete(ClaimedItem claimed) {
        String id = claimed.item().id();
        Long done = redis.eval("due complete", COMPLETE, ScriptOutputType.INTEGER, withDone(id), id,
                claimed.leaseToken(), Long.toString(Expiry.backstopMillis(doneRetention)),
                Long.toString(expiry.deadline(doneRetention)));
        return done == 1;
    }

    @Override
    public boolean retry(ClaimedItem claimed, Instant retryAt) {
        Long back = redis.eval("due retry", RETRY, ScriptOutputType.INTEGER, mainKeys, claimed.item().id(),
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
        List<ScoredValue<String>> first = redis.call("due next",
                c -> c.zrangebyscoreWithScores(keys.dueSchedule(), Range.unbounded(),
                        io.lettuce.core.Limit.create(0, 1)));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli((long) first.get(0).getScore()));
    }

    @Override
    public long size() {
        return redis.call("due size", c -> c.zcard(keys.dueSchedule()));
    }

    private String[] withDone(String id) {
        return new String[] {mainKeys[0], mainKeys[1], mainKeys[2], mainKeys[3], keys.dueDone(id)};
    }
}
