package org.fellowship.redis;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.fellowship.core.meeting.GroupAnnouncement;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.meeting.MeetingStore;
import org.fellowship.core.meeting.ReminderSubscription;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;

/**
 * Meetings as one hash per community (slug -> versioned JSON) in the community's slot; settings as a second hash
 * there; reminder subscriptions as member keys registered in the member's erasure index; RSVPs as a set of member
 * ids per occurrence in the community's slot that expires 10 days after the latest answer (ephemeral, not indexed). A batch save is one HSET,
 * so readers see all of it or none. Drafts of {@code /meetings add} expire on the store's clock ({@link Expiry}).
 * Thread-safe.
 */
final class RedisMeetingStore implements MeetingStore {
    private final Redis redis;
    private final KeySchema keys;
    private final MeetingCodec codec;
    private final UserKeys userKeys;
    private final Expiry expiry;

    RedisMeetingStore(Redis redis, KeySchema keys, MeetingCodec codec, UserKeys userKeys, Expiry expiry) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.userKeys = userKeys;
        this.expiry = expiry;
    }

    private String meetingsKey(CommunityId community) {
        return keys.community(community, "meetings");
    }

    private String settingsKey(CommunityId community) {
        return keys.community(community, "meeting-settings");
    }

    private String subscriptionKey(ChatUserId member, CommunityId community, String slug) {
        return keys.user(member, "meeting-reminder:" + community + ":" + slug);
    }

    @Override
    public List<Meeting> meetings(CommunityId community) {
        Map<String, String> all = redis.call("meetings read", c -> c.hgetall(meetingsKey(community)));
        List<Meeting> out = new ArrayList<>();
        new TreeMap<>(all).values().forEach(json -> out.add(codec.readMeeting(json)));
        return out;
    }

    @Override
    public Optional<Meeting> meeting(CommunityId community, String slug) {
        Objects.requireNonNull(slug, "slug");
        String json = redis.call("meeting read", c -> c.hget(meetingsKey(community), slug));
        return json == null ? Optional.empty() : Optional.of(codec.readMeeting(json));
    }

    @Override
    public void saveAll(CommunityId community, List<Meeting> meetings) {
        if (meetings.isEmpty()) {
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        meetings.forEach(m -> fields.put(m.slug(), codec.writeMeeting(m)));
        redis.call("meetings write", c -> c.hset(meetingsKey(community), fields));
    }

    @Override
    public boolean remove(CommunityId community, String slug) {
        return redis.call("meeting remove", c -> c.hdel(meetingsKey(community), slug)) > 0;
    }

    @Override
    public Optional<ZoneId> zone(CommunityId community) {
        String id = redis.call("meeting settings read", c -> c.hget(settingsKey(community), "zone"));
        try {
            return id == null ? Optional.empty() : Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            throw new IllegalStateException("stored community zone is invalid", e);
        }
    }

    @Override
    public void setZone(CommunityId community, ZoneId zone) {
        redis.call("meeting settings write", c -> c.hset(settingsKey(community), "zone", zone.getId()));
    }

    @Override
    public Optional<String> feedUrl(CommunityId community) {
        return Optional.ofNullable(redis.call("meeting settings read", c -> c.hget(settingsKey(community), "feed")));
    }

    @Override
    public void setFeedUrl(CommunityId community, String url) {
        redis.call("meeting settings write", c -> c.hset(settingsKey(community), "feed", url));
    }

    @Override
    public Set<String> feedSlugs(CommunityId community) {
        String joined = redis.call("meeting settings read", c -> c.hget(settingsKey(community), "feed-slugs"));
        return joined == null || joined.isEmpty() ? Set.of() : Set.of(joined.split(","));
    }

    @Override
    public void setFeedSlugs(CommunityId community, Set<String> slugs) {
        // Slugs are [a-z0-9_-], so a comma separates them safely.
        redis.call("meeting settings write", c -> c.hset(settingsKey(community), "feed-slugs",
                String.join(",", new java.util.TreeSet<>(slugs))));
    }

    static final Duration RSVP_TTL = Duration.ofDays(10);

    private String rsvpKey(CommunityId community, String slug, Instant occurrence) {
        return keys.community(community, "rsvp:" + slug + ":" + occurrence.toEpochMilli());
    }

    @Override
    public int rsvp(CommunityId community, String slug, Instant occurrence, ChatUserId member, boolean going) {
        String key = rsvpKey(community, slug, occurrence);
        // Commands on the one connection run in order, so the count read last sees this change.
        if (going) {
            // remembered for /export and /forget: the RSVP set is a community key, not one of the member's own
            redis.call("rsvp index", c -> c.sadd(memberRefsKey(member), RSVP_REF + key));
        }
        Long count = redis.call("rsvp write", c -> {
            if (going) {
                c.sadd(key, member.toString());
                // Relative TTL: the store has no clock of the bot's (replays run on simulated time). Occurrences are
                // offered at most 7 days ahead, so this outlives the occurrence.
                c.pexpire(key, RSVP_TTL.toMillis());
            } else {
                c.srem(key, member.toString());
            }
            return c.scard(key);
        });
        return count.intValue();
    }

    @Override
    public int going(CommunityId community, String slug, Instant occurrence) {
        return redis.call("rsvp read", c -> c.scard(rsvpKey(community, slug, occurrence))).intValue();
    }

    @Override
    public boolean isGoing(CommunityId community, String slug, Instant occurrence, ChatUserId member) {
        return redis.call("rsvp read", c -> c.sismember(rsvpKey(community, slug, occurrence), member.toString()));
    }

    /** Separates a draft's answers (control characters are removed from answers before they are saved). */
    private static final String DRAFT_SEPARATOR = "\u001f";

    private String draftKey(ChatUserId moderator) {
        return keys.user(moderator, "meeting-draft");
    }

    @Override
    public void saveDraft(ChatUserId moderator, List<String> draft, Duration ttl) {
        userKeys.set("meeting draft write", draftKey(moderator), keys.erasureIndex(moderator),
                String.join(DRAFT_SEPARATOR, draft), ttl);
    }

    @Override
    public Optional<List<String>> draft(ChatUserId moderator) {
        String stored = expiry.unwrap(redis.call("meeting draft read", c -> c.get(draftKey(moderator))));
        return stored == null ? Optional.empty() : Optional.of(List.of(stored.split(DRAFT_SEPARATOR, -1)));
    }

    @Override
    public void clearDraft(ChatUserId moderator) {
        redis.call("meeting draft clear", c -> c.del(draftKey(moderator)));
    }

    private static final String RSVP_REF = "rsvp|";
    private static final String NAME_REF = "name|";

    private String memberRefsKey(ChatUserId member) {
        return keys.user(member, "meeting-refs");
    }

    private String namesKey(CommunityId community) {
        return keys.community(community, "rsvp-names");
    }

    @Override
    public Set<ChatUserId> goingMembers(CommunityId community, String slug, Instant occurrence) {
        Set<String> ids = redis.call("rsvp read", c -> c.smembers(rsvpKey(community, slug, occurrence)));
        Set<ChatUserId> members = new java.util.HashSet<>();
        for (String id : ids) {
            int colon = id.indexOf(':');
            if (colon > 0) {
                members.add(new ChatUserId(VersionedJson.platform(id.substring(0, colon)), id.substring(colon + 1)));
            }
        }
        return members;
    }

    @Override
    public void setShownName(CommunityId community, ChatUserId member, String name) {
        String key = namesKey(community);
        if (name == null) {
            redis.call("rsvp name write", c -> c.hdel(key, member.toString()));
        } else {
            redis.call("rsvp index", c -> c.sadd(memberRefsKey(member), NAME_REF + key));
            redis.call("rsvp name write", c -> c.hset(key, member.toString(), name));
        }
    }

    @Override
    public Map<ChatUserId, String> shownNames(CommunityId community, Set<ChatUserId> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        List<ChatUserId> ordered = members.stream().sorted(java.util.Comparator.comparing(ChatUserId::toString))
                .toList();
        List<io.lettuce.core.KeyValue<String, String>> found = redis.call("rsvp name read",
                c -> c.hmget(namesKey(community), ordered.stream().map(ChatUserId::toString).toArray(String[]::new)));
        Map<ChatUserId, String> names = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).hasValue()) {
                names.put(ordered.get(i), found.get(i).getValue());
            }
        }
        return names;
    }

    @Override
    public Map<String, String> exportMemberRecords(ChatUserId member) {
        Map<String, String> records = new TreeMap<>();
        for (String ref : redis.call("rsvp index", c -> c.smembers(memberRefsKey(member)))) {
            if (ref.startsWith(RSVP_REF)) {
                String key = ref.substring(RSVP_REF.length());
                if (redis.call("rsvp read", c -> c.sismember(key, member.toString()))) {
                    records.put("meeting rsvp " + key, "going");
                }
            } else if (ref.startsWith(NAME_REF)) {
                String key = ref.substring(NAME_REF.length());
                String name = redis.call("rsvp name read", c -> c.hget(key, member.toString()));
                if (name != null) {
                    records.put("meeting name consent " + key, name);
                }
            }
        }
        return records;
    }

    @Override
    public int forgetMember(ChatUserId member) {
        long removed = 0;
        for (String ref : redis.call("rsvp index", c -> c.smembers(memberRefsKey(member)))) {
            if (ref.startsWith(RSVP_REF)) {
                String key = ref.substring(RSVP_REF.length());
                removed += redis.call("rsvp forget", c -> c.srem(key, member.toString()));
            } else if (ref.startsWith(NAME_REF)) {
                String key = ref.substring(NAME_REF.length());
                removed += redis.call("rsvp forget", c -> c.hdel(key, member.toString()));
            }
        }
        redis.call("rsvp forget", c -> c.del(memberRefsKey(member)));
        return (int) removed;
    }

    @Override
    public void setAnnouncement(CommunityId community, String slug, GroupAnnouncement announcement) {
        String field = "announce:" + Objects.requireNonNull(slug, "slug");
        if (announcement == null) {
            redis.call("meeting settings write", c -> c.hdel(settingsKey(community), field));
        } else {
            String value = announcement.before().toMinutes() + "|" + announcement.group().value();
            redis.call("meeting settings write", c -> c.hset(settingsKey(community), field, value));
        }
    }

    @Override
    public Optional<GroupAnnouncement> announcement(CommunityId community, String slug) {
        String value = redis.call("meeting settings read", c -> c.hget(settingsKey(community), "announce:" + slug));
        if (value == null) {
            return Optional.empty();
        }
        int bar = value.indexOf('|');
        try {
            return Optional.of(new GroupAnnouncement(Duration.ofMinutes(Long.parseLong(value.substring(0, bar))),
                    new org.fellowship.core.model.ConversationId(community.platform(), value.substring(bar + 1))));
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored meeting announcement is invalid", e);
        }
    }

    @Override
    public void subscribe(ReminderSubscription s) {
        userKeys.set("reminder subscribe", subscriptionKey(s.member(), s.community(), s.slug()),
                keys.erasureIndex(s.member()), codec.writeSubscription(s), null);
    }

    @Override
    public Optional<ReminderSubscription> subscription(ChatUserId member, CommunityId community, String slug) {
        String json = redis.call("reminder read", c -> c.get(subscriptionKey(member, community, slug)));
        return json == null ? Optional.empty()
                : Optional.of(codec.readSubscription(json, member, community, slug));
    }

    @Override
    public boolean unsubscribe(ChatUserId member, CommunityId community, String slug) {
        return redis.call("reminder unsubscribe", c -> c.del(subscriptionKey(member, community, slug))) > 0;
    }

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

    @Override
    public int communityMoved(CommunityId from, CommunityId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        // Remembered first: a reminder firing meanwhile already finds the subscription, wherever it is right now.
        redis.call("community moved write", c -> c.set(keys.communityMovedTo(from), to.value()));
        int changed = 0;
        String userPattern = RedisCommunityStateMover.globEscape(keys.prefix()) + "{u:*}:";
        String subPrefix = ":meeting-reminder:" + from + ":";
        for (String key : scan(userPattern + RedisCommunityStateMover.globEscape(subPrefix.substring(1)) + "*")) {
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
            Long done = redis.eval("reminder move", MOVE_SUBSCRIPTION, io.lettuce.core.ScriptOutputType.INTEGER,
                    new String[] {key, subscriptionKey(member, to, slug), keys.erasureIndex(member)},
                    codec.writeSubscription(moved));
            changed += done.intValue();
        }
        // /export and /forget follow these references to the RSVP sets and name consents, which moved with the community.
        String oldTag = from.hashTag();
        for (String refsKey : scan(userPattern + "meeting-refs")) {
            for (String ref : redis.call("rsvp index", c -> c.smembers(refsKey))) {
                if (ref.contains(oldTag)) {
                    String rewritten = ref.replace(oldTag, to.hashTag());
                    redis.call("rsvp index move", c -> c.sadd(refsKey, rewritten));
                    redis.call("rsvp index move", c -> c.srem(refsKey, ref));
                    changed++;
                }
            }
        }
        // A moderator's open /meetings add draft names the community in its first two answers.
        for (String draftKey : scan(userPattern + "meeting-draft")) {
            String raw = redis.call("meeting draft read", c -> c.get(draftKey));
            String stored = expiry.unwrap(raw);
            String oldStart = from.platform().code() + DRAFT_SEPARATOR + from.value();
            if (stored != null && (stored.equals(oldStart) || stored.startsWith(oldStart + DRAFT_SEPARATOR))) {
                // keep the deadline prefix (and the TTL) as they are
                String rewritten = raw.substring(0, raw.length() - stored.length())
                        + from.platform().code() + DRAFT_SEPARATOR + to.value() + stored.substring(oldStart.length());
                redis.call("meeting draft move", c -> c.set(draftKey, rewritten, io.lettuce.core.SetArgs.Builder.keepttl()));
                changed++;
            }
        }
        // Group announcements moved with the community's settings but still name the old chat. Only the new id's: writing
        // to the old one could recreate a key another instance has just moved away.
        for (CommunityId community : List.of(to)) {
            Map<String, String> settings = redis.call("meeting settings read", c -> c.hgetall(settingsKey(community)));
            for (Map.Entry<String, String> e : settings.entrySet()) {
                if (!e.getKey().startsWith("announce:")) {
                    continue;
                }
                int bar = e.getValue().indexOf('|');
                String group = e.getValue().substring(bar + 1);
                String movedGroup = new org.fellowship.core.model.ConversationId(from.platform(), group)
                        .renumbered(from, to).value();
                if (!movedGroup.equals(group)) {
                    String value = e.getValue().substring(0, bar + 1) + movedGroup;
                    redis.call("meeting settings write", c -> c.hset(settingsKey(community), e.getKey(), value));
                    changed++;
                }
            }
        }
        return changed;
    }

    @Override
    public Optional<CommunityId> movedTo(CommunityId from) {
        String to = redis.call("community moved read", c -> c.get(keys.communityMovedTo(from)));
        return to == null ? Optional.empty() : Optional.of(new CommunityId(from.platform(), to));
    }

    private List<String> scan(String pattern) {
        io.lettuce.core.ScanArgs match = io.lettuce.core.ScanArgs.Builder.matches(pattern).limit(500);
        List<String> found = new ArrayList<>();
        io.lettuce.core.ScanCursor cursor = io.lettuce.core.ScanCursor.INITIAL;
        do {
            io.lettuce.core.ScanCursor current = cursor;
            io.lettuce.core.KeyScanCursor<String> page = redis.call("meeting scan", c -> c.scan(current, match));
            found.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return found;
    }
}
