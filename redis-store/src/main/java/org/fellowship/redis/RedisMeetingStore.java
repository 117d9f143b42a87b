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
 * ids per occurrence in the community's slot that expires 10 days after the latest answer (ephemeral, not indexed;
 * see {@link RedisRsvps}). A batch save is one HSET, so readers see all of it or none. Drafts of {@code /meetings add}
 * expire on the store's clock ({@link Expiry}). The key names are {@link MeetingKeys}. Thread-safe.
 */
final class RedisMeetingStore implements MeetingStore {
    private final Redis redis;
    private final KeySchema keys;
    private final MeetingKeys meetingKeys;
    private final MeetingCodec codec;
    private final UserKeys userKeys;
    private final Expiry expiry;
    private final RedisRsvps rsvps;

    RedisMeetingStore(Redis redis, KeySchema keys, MeetingCodec codec, UserKeys userKeys, Expiry expiry) {
        this.redis = redis;
        this.keys = keys;
        this.meetingKeys = new MeetingKeys(keys);
        this.codec = codec;
        this.userKeys = userKeys;
        this.expiry = expiry;
        this.rsvps = new RedisRsvps(redis, meetingKeys);
    }

    @Override
    public List<Meeting> meetings(CommunityId community) {
        Map<String, String> all = redis.call("meetings read", c -> c.hgetall(meetingKeys.meetings(community)));
        List<Meeting> out = new ArrayList<>();
        new TreeMap<>(all).values().forEach(json -> out.add(codec.readMeeting(json)));
        return out;
    }

    @Override
    public Optional<Meeting> meeting(CommunityId community, String slug) {
        Objects.requireNonNull(slug, "slug");
        String json = redis.call("meeting read", c -> c.hget(meetingKeys.meetings(community), slug));
        return json == null ? Optional.empty() : Optional.of(codec.readMeeting(json));
    }

    @Override
    public void saveAll(CommunityId community, List<Meeting> meetings) {
        if (meetings.isEmpty()) {
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        meetings.forEach(m -> fields.put(m.slug(), codec.writeMeeting(m)));
        redis.call("meetings write", c -> c.hset(meetingKeys.meetings(community), fields));
    }

    @Override
    public boolean remove(CommunityId community, String slug) {
        return redis.call("meeting remove", c -> c.hdel(meetingKeys.meetings(community), slug)) > 0;
    }

    @Override
    public Optional<ZoneId> zone(CommunityId community) {
        String id = redis.call("meeting settings read", c -> c.hget(meetingKeys.settings(community), "zone"));
        try {
            return id == null ? Optional.empty() : Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            throw new IllegalStateException("stored community zone is invalid", e);
        }
    }

    @Override
    public void setZone(CommunityId community, ZoneId zone) {
        redis.call("meeting settings write", c -> c.hset(meetingKeys.settings(community), "zone", zone.getId()));
    }

    @Override
    public Optional<String> feedUrl(CommunityId community) {
        return Optional.ofNullable(redis.call("meeting settings read", c -> c.hget(meetingKeys.settings(community), "feed")));
    }

    @Override
    public void setFeedUrl(CommunityId community, String url) {
        redis.call("meeting settings write", c -> c.hset(meetingKeys.settings(community), "feed", url));
    }

    @Override
    public Set<String> feedSlugs(CommunityId community) {
        String joined = redis.call("meeting settings read", c -> c.hget(meetingKeys.settings(community), "feed-slugs"));
        return joined == null || joined.isEmpty() ? Set.of() : Set.of(joined.split(","));
    }

    @Override
    public void setFeedSlugs(CommunityId community, Set<String> slugs) {
        // Slugs are [a-z0-9_-], so a comma separates them safely.
        redis.call("meeting settings write", c -> c.hset(meetingKeys.settings(community), "feed-slugs",
                String.join(",", new java.util.TreeSet<>(slugs))));
    }

    @Override
    public void saveDraft(ChatUserId moderator, List<String> draft, Duration ttl) {
        userKeys.set("meeting draft write", meetingKeys.draft(moderator), keys.erasureIndex(moderator),
                String.join(MeetingKeys.DRAFT_SEPARATOR, draft), ttl);
    }

    @Override
    public Optional<List<String>> draft(ChatUserId moderator) {
        String stored = expiry.unwrap(redis.call("meeting draft read", c -> c.get(meetingKeys.draft(moderator))));
        return stored == null ? Optional.empty() : Optional.of(List.of(stored.split(MeetingKeys.DRAFT_SEPARATOR, -1)));
    }

    @Override
    public void clearDraft(ChatUserId moderator) {
        redis.call("meeting draft clear", c -> c.del(meetingKeys.draft(moderator)));
    }

    @Override
    public int rsvp(CommunityId community, String slug, Instant occurrence, ChatUserId member, boolean going) {
        return rsvps.rsvp(community, slug, occurrence, member, going);
    }

    @Override
    public int going(CommunityId community, String slug, Instant occurrence) {
        return rsvps.going(community, slug, occurrence);
    }

    @Override
    public boolean isGoing(CommunityId community, String slug, Instant occurrence, ChatUserId member) {
        return rsvps.isGoing(community, slug, occurrence, member);
    }

    @Override
    public Set<ChatUserId> goingMembers(CommunityId community, String slug, Instant occurrence) {
        return rsvps.goingMembers(community, slug, occurrence);
    }

    @Override
    public void setShownName(CommunityId community, ChatUserId member, String name) {
        rsvps.setShownName(community, member, name);
    }

    @Override
    public Map<ChatUserId, String> shownNames(CommunityId community, Set<ChatUserId> members) {
        return rsvps.shownNames(community, members);
    }

    @Override
    public Map<String, String> exportMemberRecords(ChatUserId member) {
        return rsvps.exportMemberRecords(member);
    }

    @Override
    public int forgetMember(ChatUserId member) {
        return rsvps.forgetMember(member);
    }

    @Override
    public void setAnnouncement(CommunityId community, String slug, GroupAnnouncement announcement) {
        String field = "announce:" + Objects.requireNonNull(slug, "slug");
        if (announcement == null) {
            redis.call("meeting settings write", c -> c.hdel(meetingKeys.settings(community), field));
        } else {
            String value = announcement.before().toMinutes() + "|" + announcement.group().value();
            redis.call("meeting settings write", c -> c.hset(meetingKeys.settings(community), field, value));
        }
    }

    @Override
    public Optional<GroupAnnouncement> announcement(CommunityId community, String slug) {
        String value = redis.call("meeting settings read", c -> c.hget(meetingKeys.settings(community), "announce:" + slug));
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
        userKeys.set("reminder subscribe", meetingKeys.subscription(s.member(), s.community(), s.slug()),
                keys.erasureIndex(s.member()), codec.writeSubscription(s), null);
    }

    @Override
    public Optional<ReminderSubscription> subscription(ChatUserId member, CommunityId community, String slug) {
        String json = redis.call("reminder read", c -> c.get(meetingKeys.subscription(member, community, slug)));
        return json == null ? Optional.empty()
                : Optional.of(codec.readSubscription(json, member, community, slug));
    }

    @Override
    public boolean unsubscribe(ChatUserId member, CommunityId community, String slug) {
        return redis.call("reminder unsubscribe", c -> c.del(meetingKeys.subscription(member, community, slug))) > 0;
    }
}
