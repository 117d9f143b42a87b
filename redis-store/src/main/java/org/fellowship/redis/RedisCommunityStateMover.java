package org.fellowship.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RestoreArgs;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.util.List;
import java.util.Objects;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.store.CommunityStateMover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one step that brings what is stored under a community's old id to its new one, run once its alias is recorded
 * ({@link org.fellowship.core.store.CommunityMigration}). Every key under the old community's hash tag moves to the
 * new tag, keeping TTLs: DUMP/RESTORE rather than RENAME, because the two tags hash to different Redis Cluster slots. A
 * key that already exists under the new id is kept (the newer state wins) and the old one is left in place and logged.
 * Then the records that name the community inside, outside its slot, follow ({@link MeetingCommunityMove},
 * {@link CheckinCommunityMove}, {@link MilestoneCommunityMove}, {@link ModerationCommunityMove}, the moderators'
 * channel). Idempotent; safe on two instances at once. Thread-safe.
 */
final class RedisCommunityStateMover implements CommunityStateMover {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCommunityStateMover.class);

    private final Redis redis;
    private final KeySchema keys;
    private final List<CommunityStateMover> records;

    /**
     * @param records run after the keys moved, in order: each brings the records that name the community inside to
     *                the new id
     */
    RedisCommunityStateMover(Redis redis, KeySchema keys, List<CommunityStateMover> records) {
        this.redis = redis;
        this.keys = keys;
        this.records = List.copyOf(records);
    }

    @Override
    public int move(CommunityId from, CommunityId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        String oldPrefix = keys.prefix() + from.hashTag() + ":";
        String newPrefix = keys.prefix() + to.hashTag() + ":";
        // the tag's braces are glob-safe, but '[' '*' '?' '\' in an id are not: escape them for MATCH
        ScanArgs match = ScanArgs.Builder.matches(globEscape(oldPrefix) + "*").limit(500);
        int moved = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor current = cursor;
            KeyScanCursor<String> page = redis.call("community scan", c -> c.scan(current, match));
            for (String key : page.getKeys()) {
                if (moveKey(key, newPrefix + key.substring(oldPrefix.length()))) {
                    moved++;
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        for (CommunityStateMover step : records) {
            moved += step.move(from, to);
        }
        LOG.info("moved {} records of community {} to {}", moved, from, to);
        return moved;
    }

    private boolean moveKey(String key, String target) {
        byte[] dump = redis.call("community dump", c -> c.dump(key));
        if (dump == null) {
            return false;
        }
        Long ttl = redis.call("community ttl", c -> c.pttl(key));
        RestoreArgs args = RestoreArgs.Builder.ttl(ttl != null && ttl > 0 ? ttl : 0);
        try {
            redis.call("community restore", c -> c.restore(target, dump, args));
        } catch (org.fellowship.core.port.StoreUnavailableException e) {
            if (e.getCause() != null && String.valueOf(e.getCause().getMessage()).startsWith("BUSYKEY")) {
                LOG.warn("community record already exists under the new id; kept it and left the old one");
                return false;
            }
            throw e;
        }
        redis.call("community delete", c -> c.del(key));
        return true;
    }

    /** The moderators' channel, when it is the community's chat or a topic in it, as the same chat under the new id. */
    static CommunityStateMover moderatorsChannel(MentorStore mentors) {
        return (from, to) -> {
            Platform platform = from.platform();
            ConversationId channel = mentors.moderatorsChannel(platform).orElse(null);
            if (channel == null || channel.renumbered(from, to).equals(channel)) {
                return 0;
            }
            mentors.setModeratorsChannel(platform, channel.renumbered(from, to));
            return 1;
        };
    }

    static String globEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (char c : s.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
