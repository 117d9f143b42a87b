package org.fellowship.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RestoreArgs;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.util.List;
import java.util.Objects;
import org.fellowship.core.meeting.MeetingStore;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityStateMover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every key under a community's hash tag to the new community's tag, keeping TTLs, then has the meeting store
 * rewrite the records that name the community inside ({@link MeetingStore#communityMoved}, and the check-in and
 * milestone stores' counterparts). DUMP/RESTORE rather than
 * RENAME, because the two tags hash to different Redis Cluster slots. A key that already exists under the new id is
 * kept (the newer state wins) and the old one is left in place and logged. Thread-safe.
 */
final class RedisCommunityStateMover implements CommunityStateMover {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCommunityStateMover.class);

    private final Redis redis;
    private final KeySchema keys;
    private final List<CommunityStateMover> rewrites;

    /**
     * @param rewrites run after the keys moved, in order: each rewrites the records that name the community inside
     *                 (for example {@link MeetingStore#communityMoved})
     */
    RedisCommunityStateMover(Redis redis, KeySchema keys, List<CommunityStateMover> rewrites) {
        this.redis = redis;
        this.keys = keys;
        this.rewrites = List.copyOf(rewrites);
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
        // Records that name the community inside: members' reminder subscriptions, RSVP references, drafts, check-in
        // and milestone records; announcements and summary chats that name its chat.
        for (CommunityStateMover rewrite : rewrites) {
            moved += rewrite.move(from, to);
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
