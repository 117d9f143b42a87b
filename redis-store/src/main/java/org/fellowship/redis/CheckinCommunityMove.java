package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.Optional;
import org.fellowship.core.checkin.CheckinStore;
import org.fellowship.core.checkin.CommunityCheckins;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityStateMover;

/**
 * The check-in records that name a community inside, brought to its new id after the community's own keys (settings,
 * daily counts) moved ({@link RedisCommunityStateMover}): every member record's community and prompt chat, by one Lua
 * script per batch of {@link RedisCheckinStore} settings buckets (in place, so a member's concurrent compare-and-set
 * write re-reads), and the summary chat of the moved settings. Idempotent. Thread-safe.
 */
final class CheckinCommunityMove implements CommunityStateMover {
    // KEYS: settings buckets. ARGV[1] old community ("tg:-1001"), ARGV[2] new one. Rewrites the community field and an
    // origin in that chat (or a topic "<chat>:<thread>" in it) of every member record in the buckets, in place.
    static final Redis.Script MOVE_COMMUNITY = Redis.Script.of("checkinMoveCommunity", """
            local old, new = ARGV[1], ARGV[2]
            local n = 0
            for k = 1, #KEYS do
              local all = redis.call('HGETALL', KEYS[k])
              for i = 1, #all, 2 do
                local v = all[i + 1]
                local parts, pos = {}, 1
                for f = 1, 8 do
                  local bar = string.find(v, '|', pos, true)
                  if not bar then parts = nil break end
                  parts[f] = string.sub(v, pos, bar - 1)
                  pos = bar + 1
                end
                if parts then
                  local changed = false
                  if parts[7] == old then parts[7] = new; changed = true end
                  if parts[8] == old then
                    parts[8] = new; changed = true
                  elseif string.sub(parts[8], 1, #old + 1) == old .. ':' then
                    parts[8] = new .. string.sub(parts[8], #old + 1); changed = true
                  end
                  if changed then
                    redis.call('HSET', KEYS[k], all[i], table.concat(parts, '|') .. '|' .. string.sub(v, pos))
                    n = n + 1
                  end
                end
              end
            end
            return n
            """);
    private static final int MOVE_BATCH = 256;

    private final Redis redis;
    private final KeySchema keys;
    private final CheckinStore store;

    CheckinCommunityMove(Redis redis, KeySchema keys, CheckinStore store) {
        this.redis = redis;
        this.keys = keys;
        this.store = store;
    }

    @Override
    public int move(CommunityId from, CommunityId to) {
        int changed = 0;
        // Every bucket, a batch per script run: O(members), fine for a rare event, and Redis stays responsive.
        for (int first = 0; first < RedisCheckinStore.BUCKETS; first += MOVE_BATCH) {
            String[] batch = new String[Math.min(MOVE_BATCH, RedisCheckinStore.BUCKETS - first)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = keys.checkinSettings(first + i);
            }
            Long n = redis.eval("checkin community move", MOVE_COMMUNITY, ScriptOutputType.INTEGER, batch,
                    from.toString(), to.toString());
            changed += n.intValue();
        }
        // Only the new id's settings: writing to the old one could recreate a key another instance has just moved away.
        Optional<CommunityCheckins> settings = store.community(to);
        if (settings.isPresent() && settings.get().summaryChat() != null) {
            CommunityCheckins s = settings.get();
            ConversationId chat = s.summaryChat().renumbered(from, to);
            if (!chat.equals(s.summaryChat())) {
                store.saveCommunity(new CommunityCheckins(to, s.defaultTime(), s.summary(), chat, s.summaryTime(),
                        s.zone()));
                changed++;
            }
        }
        return changed;
    }
}
