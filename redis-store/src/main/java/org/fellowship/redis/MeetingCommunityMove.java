package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.util.Map;
import java.util.Objects;
import org.fellowship.core.meeting.ReminderSubscription;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;

/**
 * What {@link RedisMeetingStore} does when a community gets a new id (a Telegram group becoming a supergroup), after
 * the community's own keys moved: member-slot records that name the community are rewritten (reminder
 * subscriptions, RSVP and name references, open {@code /meetings add} drafts), and group announcements are pointed at
 * the renumbered chat. Safe to run again and on two instances at once. Thread-safe.
 */
final class MeetingCommunityMove {
    // KEYS[1] old subscription, KEYS[2] new subscription, KEYS[3] erasure index (one member's slot);
    // ARGV[1] the record rewritten for the new community. A record already under the new key wins.
    static final Redis.Script MOVE_SUBSCRIPTION = Redis.Script.of("moveSubscription", """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('SET', KEYS[2], ARGV[1], 'NX')
            redis.call('SADD', KEYS[3], KEYS[2])
            redis.call('DEL', KEYS[1])
            redis.call('SREM', KEYS[3], KEYS[1])
            return 1
            """);

    private final Redis redis;
    private final KeySchema keys;
    private final MeetingKeys meetingKeys;
    private final MeetingCodec codec;
    private final Expiry expiry;

    MeetingCommunityMove(Redis redis, KeySchema keys, MeetingKeys meetingKeys, MeetingCodec codec, Expiry expiry) {
        this.redis = redis;
        this.keys = keys;
        this.meetingKeys = meetingKeys;
        this.codec = codec;
        this.expiry = expiry;
    }

    /** Records the move and rewrites what names {@code from}; returns how many records changed. */
    int communityMoved(CommunityId from, CommunityId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        // Remembered first: a reminder firing meanwhile already finds the subscription, wherever it is right now.
        redis.call("community moved write", c -> c.set(keys.communityMovedTo(from), to.value()));
        String userPattern = RedisCommunityStateMover.globEscape(keys.prefix()) + "{u:*}:";
        int changed = subscriptions(from, to, userPattern);
        changed += references(from, to, userPattern);
        changed += drafts(from, to, userPattern);
        return changed + announcements(from, to);
    }

    private int subscriptions(CommunityId from, CommunityId to, String userPattern) {
        int changed = 0;
        String subPrefix = ":meeting-reminder:" + from + ":";
        for (String key : Scans.keys(redis, userPattern
                + RedisCommunityStateMover.globEscape(subPrefix.substring(1)) + "*")) {
            int tagEnd = key.indexOf("}:meeting-reminder:");
            String memberText = key.substring(keys.prefix().length() + "{u:".length(), tagEnd);
            int colon = memberText.indexOf(':');
            ChatUserId member = new ChatUserId(VersionedJson.platform(memberText.substring(0, colon)),
                    memberText.substring(colon + 1));
            String slug = key.substring(tagEnd + 1 + subPrefix.length());
            String json = redis.call("reminder read", c -> c.get(key));
            if (json == null) {
                continue; // moved by another instance meanwhile
            }
            ReminderSubscription old = codec.readSubscription(json, member, from, slug);
            ReminderSubscription moved = new ReminderSubscription(member, to, slug, old.before(),
                    old.group().renumbered(from, to));
            Long done = redis.eval("reminder move", MOVE_SUBSCRIPTION, ScriptOutputType.INTEGER,
                    new String[] {key, meetingKeys.subscription(member, to, slug), keys.erasureIndex(member)},
                    codec.writeSubscription(moved));
            changed += done.intValue();
        }
        return changed;
    }

    /** /export and /forget follow these references to the RSVP sets and name consents, which moved with the community. */
    private int references(CommunityId from, CommunityId to, String userPattern) {
        int changed = 0;
        String oldTag = from.hashTag();
        for (String refsKey : Scans.keys(redis, userPattern + "meeting-refs")) {
            for (String ref : redis.call("rsvp index", c -> c.smembers(refsKey))) {
                if (ref.contains(oldTag)) {
                    String rewritten = ref.replace(oldTag, to.hashTag());
                    redis.call("rsvp index move", c -> c.sadd(refsKey, rewritten));
                    redis.call("rsvp index move", c -> c.srem(refsKey, ref));
                    changed++;
                }
            }
        }
        return changed;
    }

    /** A moderator's open /meetings add draft names the community in its first two answers. */
    private int drafts(CommunityId from, CommunityId to, String userPattern) {
        int changed = 0;
        String separator = MeetingKeys.DRAFT_SEPARATOR;
        for (String draftKey : Scans.keys(redis, userPattern + "meeting-draft")) {
            String raw = redis.call("meeting draft read", c -> c.get(draftKey));
            String stored = expiry.unwrap(raw);
            String oldStart = from.platform().code() + separator + from.value();
            if (stored != null && (stored.equals(oldStart) || stored.startsWith(oldStart + separator))) {
                // keep the deadline prefix (and the TTL) as they are
                String rewritten = raw.substring(0, raw.length() - stored.length())
                        + from.platform().code() + separator + to.value() + stored.substring(oldStart.length());
                redis.call("meeting draft move", c -> c.set(draftKey, rewritten, SetArgs.Builder.keepttl()));
                changed++;
            }
        }
        return changed;
    }

    /**
     * Group announcements moved with the community's settings but still name the old chat. Only the new id's: writing
     * to the old one could recreate a key another instance has just moved away.
     */
    private int announcements(CommunityId from, CommunityId to) {
        int changed = 0;
        String settingsKey = meetingKeys.settings(to);
        Map<String, String> settings = redis.call("meeting settings read", c -> c.hgetall(settingsKey));
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (!e.getKey().startsWith("announce:")) {
                continue;
            }
            int bar = e.getValue().indexOf('|');
            String group = e.getValue().substring(bar + 1);
            String movedGroup = new ConversationId(from.platform(), group).renumbered(from, to).value();
            if (!movedGroup.equals(group)) {
                String value = e.getValue().substring(0, bar + 1) + movedGroup;
                redis.call("meeting settings write", c -> c.hset(settingsKey, e.getKey(), value));
                changed++;
            }
        }
        return changed;
    }
}
