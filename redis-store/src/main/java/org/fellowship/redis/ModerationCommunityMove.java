package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityStateMover;

/**
 * The moderation records that name a community, brought to its new id after the community's own keys (rules,
 * settings, case log) moved ({@link RedisCommunityStateMover}): each member's warnings list, a member key named after
 * the community, and the members' case references {@code /export} and {@code /forget} follow. Idempotent; safe when
 * two instances run it at once. Thread-safe.
 */
final class ModerationCommunityMove implements CommunityStateMover {
    // KEYS[1] old list, KEYS[2] new list, KEYS[3] kept index, KEYS[4] erasure index (one member's slot). Appends to a
    // list already under the new id (warnings given in the new supergroup before the move was processed).
    static final Redis.Script MOVE_WARNINGS = Redis.Script.of("warningMove", """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local items = redis.call('LRANGE', KEYS[1], 0, -1)
            for i = 1, #items do redis.call('RPUSH', KEYS[2], items[i]) end
            redis.call('DEL', KEYS[1])
            redis.call('SADD', KEYS[3], KEYS[2])
            redis.call('SREM', KEYS[3], KEYS[1])
            redis.call('SREM', KEYS[4], KEYS[1], KEYS[2])
            return 1
            """);

    private final Redis redis;
    private final KeySchema keys;

    ModerationCommunityMove(Redis redis, KeySchema keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public int move(CommunityId from, CommunityId to) {
        return warnings(from, to) + caseReferences(from, to);
    }

    private int warnings(CommunityId from, CommunityId to) {
        String suffix = ":" + RedisWarningStore.suffix(from);
        String pattern = RedisCommunityStateMover.globEscape(keys.prefix()) + "{u:*}"
                + RedisCommunityStateMover.globEscape(suffix);
        int moved = 0;
        for (String key : Scans.keys(redis, pattern)) {
            String memberText = key.substring(keys.prefix().length() + "{u:".length(), key.length() - suffix.length() - 1);
            int colon = memberText.indexOf(':');
            ChatUserId member = new ChatUserId(VersionedJson.platform(memberText.substring(0, colon)),
                    memberText.substring(colon + 1));
            Long done = redis.eval("warnings move", MOVE_WARNINGS, ScriptOutputType.INTEGER,
                    new String[] {key, keys.user(member, RedisWarningStore.suffix(to)), keys.keptIndex(member),
                            keys.erasureIndex(member)});
            moved += done.intValue();
        }
        return moved;
    }

    private int caseReferences(CommunityId from, CommunityId to) {
        String oldRef = from + "|";
        int changed = 0;
        for (String index : Scans.keys(redis, RedisCommunityStateMover.globEscape(keys.prefix()) + "{u:*}:mod-cases")) {
            for (String ref : redis.call("case index read", c -> c.smembers(index))) {
                if (ref.startsWith(oldRef)) {
                    String moved = to + "|" + ref.substring(oldRef.length());
                    redis.call("case index move", c -> c.sadd(index, moved));
                    redis.call("case index move", c -> c.srem(index, ref));
                    changed++;
                }
            }
        }
        return changed;
    }
}
