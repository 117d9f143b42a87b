package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.Map;
import java.util.Objects;
import org.fellowship.core.meeting.ReminderSubscription;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.store.CommunityStateMover;

/**
 * The meeting records that name a community inside, brought to its new id after the community's own keys moved
 * ({@link RedisCommunityStateMover}): members' reminder subscriptions (key and group), the RSVP and name-consent
 * references {@code /export} and {@code /forget} follow, and group announcements in the old chat. An open
 * {@code /meetings add} draft keeps the old id: it is resolved when the moderator goes on. Safe to run again and on
 * two instances at once. Thread-safe.
 */
final class MeetingCommunityMove implements CommunityStateMover {
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

    MeetingCommunityMove(Redis redis, KeySchema keys, MeetingCodec codec) {
        this.redis = redis;
        this.keys = keys;
        this.meetingKeys = new MeetingKeys(keys);
        this.codec = codec;
    }

    /** Rewrites what names {@code from}; returns how many records changed. */
    @Override
    public int move(CommunityId from, CommunityId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        String userPattern = RedisCommunityStateMover.globEscape(keys.prefix()) + "{u:*}:";
        int changed = subscriptions(from, to, userPattern);
        changed += references(from, to, userPattern);
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
