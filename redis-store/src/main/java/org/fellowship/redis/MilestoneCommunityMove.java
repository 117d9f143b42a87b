package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.Optional;
import org.fellowship.core.milestone.Announcements;
import org.fellowship.core.milestone.CommunityMilestones;
import org.fellowship.core.milestone.MemberMilestones;
import org.fellowship.core.milestone.MilestoneStore;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityStateMover;

/**
 * The milestone records that name a community inside, brought to its new id after the community's own keys moved
 * ({@link RedisCommunityStateMover}): each member's ladder community and announcement community and chat (a
 * compare-and-set per record: one changed meanwhile is left to its writer), and the moved settings' own id.
 * Idempotent. Thread-safe.
 */
final class MilestoneCommunityMove implements CommunityStateMover {
    // KEYS[1] a record; ARGV[1] the value it was read with, ARGV[2] its replacement (only if unchanged meanwhile).
    static final Redis.Script REPLACE_IF_SAME = Redis.Script.of("milestoneReplaceIfSame", """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
            return 1
            """);

    private final Redis redis;
    private final KeySchema keys;
    private final MilestoneCodec codec;
    private final MilestoneStore store;

    MilestoneCommunityMove(Redis redis, KeySchema keys, MilestoneCodec codec, MilestoneStore store) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.store = store;
    }

    @Override
    public int move(CommunityId from, CommunityId to) {
        int changed = 0;
        String pattern = RedisCommunityStateMover.globEscape(keys.prefix()) + "{u:*}:"
                + RedisMilestoneStore.memberSuffix();
        for (String key : Scans.keys(redis, pattern)) {
            String json = redis.call("milestones read", c -> c.get(key));
            if (json == null) {
                continue;
            }
            MemberMilestones m = codec.readMember(json);
            MemberMilestones moved = renumbered(m, from, to);
            if (!moved.equals(m)) {
                Long done = redis.eval("milestones move", REPLACE_IF_SAME, ScriptOutputType.INTEGER,
                        new String[] {key}, json, codec.writeMember(moved));
                changed += done.intValue();
            }
        }
        // The community's settings moved with its keys but name their community inside.
        Optional<CommunityMilestones> settings = store.community(to);
        if (settings.isPresent() && !settings.get().community().equals(to)) {
            store.saveCommunity(new CommunityMilestones(to, settings.get().customLadder(),
                    settings.get().morningHour()));
            changed++;
        }
        return changed;
    }

    /** {@code m} with every reference to {@code from} pointing at {@code to}. */
    private static MemberMilestones renumbered(MemberMilestones m, CommunityId from, CommunityId to) {
        MemberMilestones out = m;
        if (from.equals(m.ladderCommunity())) {
            out = out.withLadder(m.ladder(), to);
        }
        Announcements a = m.announcements();
        if (a != null && (from.equals(a.community()) || !a.group().renumbered(from, to).equals(a.group()))) {
            out = out.withAnnouncements(new Announcements(a.group().renumbered(from, to),
                    from.equals(a.community()) ? to : a.community(), a.name()));
        }
        return out;
    }
}
