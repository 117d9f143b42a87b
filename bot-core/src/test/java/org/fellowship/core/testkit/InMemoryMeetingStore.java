package org.fellowship.core.testkit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.meeting.GroupAnnouncement;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.meeting.MeetingStore;
import org.fellowship.core.meeting.ReminderSubscription;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityStateMover;

/** {@link MeetingStore} in memory. Thread-safe (coarse lock). */
public final class InMemoryMeetingStore implements MeetingStore, CommunityStateMover {
    private final Map<CommunityId, TreeMap<String, Meeting>> meetings = new ConcurrentHashMap<>();
    private final Map<CommunityId, ZoneId> zones = new ConcurrentHashMap<>();
    private final Map<CommunityId, String> feeds = new ConcurrentHashMap<>();
    private final Map<CommunityId, Set<String>> feedSlugs = new ConcurrentHashMap<>();
    private final Map<String, GroupAnnouncement> announcements = new ConcurrentHashMap<>();
    private final Map<String, Set<ChatUserId>> rsvps = new ConcurrentHashMap<>();
    private final Map<CommunityId, Map<ChatUserId, String>> shownNames = new ConcurrentHashMap<>();
    private final Map<ChatUserId, Map.Entry<List<String>, Instant>> drafts = new ConcurrentHashMap<>();
    private final java.time.Clock clock;

    /** Drafts expire by {@code clock} (a harness's MutableClock). */
    public InMemoryMeetingStore(java.time.Clock clock) {
        this.clock = clock;
    }

    @Override
    public void saveDraft(ChatUserId moderator, List<String> draft, java.time.Duration ttl) {
        drafts.put(moderator, Map.entry(List.copyOf(draft), clock.instant().plus(ttl)));
    }

    @Override
    public Optional<List<String>> draft(ChatUserId moderator) {
        Map.Entry<List<String>, Instant> d = drafts.get(moderator);
        if (d == null || !clock.instant().isBefore(d.getValue())) {
            drafts.remove(moderator);
            return Optional.empty();
        }
        return Optional.of(d.getKey());
    }

    @Override
    public void clearDraft(ChatUserId moderator) {
        drafts.remove(moderator);
    }
    private final Map<String, ReminderSubscription> subscriptions = new ConcurrentHashMap<>();

    @Override
    public synchronized List<Meeting> meetings(CommunityId community) {
        return new ArrayList<>(meetings.getOrDefault(community, new TreeMap<>()).values());
    }

    @Override
    public synchronized Optional<Meeting> meeting(CommunityId community, String slug) {
        return Optional.ofNullable(meetings.getOrDefault(community, new TreeMap<>()).get(slug));
    }

    @Override
    public synchronized void saveAll(CommunityId community, List<Meeting> list) {
        TreeMap<String, Meeting> map = meetings.computeIfAbsent(community, c -> new TreeMap<>());
        list.forEach(m -> map.put(m.slug(), m));
    }

    @Override
    public synchronized boolean remove(CommunityId community, String slug) {
        TreeMap<String, Meeting> map = meetings.get(community);
        return map != null && map.remove(slug) != null;
    }

    @Override
    public Optional<ZoneId> zone(CommunityId community) {
        return Optional.ofNullable(zones.get(community));
    }

    @Override
    public void setZone(CommunityId community, ZoneId zone) {
        zones.put(community, zone);
    }

    @Override
    public Optional<String> feedUrl(CommunityId community) {
        return Optional.ofNullable(feeds.get(community));
    }

    @Override
    public void setFeedUrl(CommunityId community, String url) {
        feeds.put(community, url);
    }

    @Override
    public Set<String> feedSlugs(CommunityId community) {
        return feedSlugs.getOrDefault(community, Set.of());
    }

    @Override
    public void setFeedSlugs(CommunityId community, Set<String> slugs) {
        feedSlugs.put(community, Set.copyOf(slugs));
    }

    @Override
    public int rsvp(CommunityId community, String slug, Instant occurrence, ChatUserId member, boolean going) {
        Set<ChatUserId> members = rsvps.computeIfAbsent(community + "|" + slug + "|" + occurrence,
                k -> ConcurrentHashMap.newKeySet());
        if (going) {
            members.add(member);
        } else {
            members.remove(member);
        }
        return members.size();
    }

    @Override
    public int going(CommunityId community, String slug, Instant occurrence) {
        return rsvps.getOrDefault(community + "|" + slug + "|" + occurrence, Set.of()).size();
    }

    @Override
    public boolean isGoing(CommunityId community, String slug, Instant occurrence, ChatUserId member) {
        return rsvps.getOrDefault(community + "|" + slug + "|" + occurrence, Set.of()).contains(member);
    }

    @Override
    public Set<ChatUserId> goingMembers(CommunityId community, String slug, Instant occurrence) {
        return Set.copyOf(rsvps.getOrDefault(community + "|" + slug + "|" + occurrence, Set.of()));
    }

    @Override
    public void setShownName(CommunityId community, ChatUserId member, String name) {
        Map<ChatUserId, String> names = shownNames.computeIfAbsent(community, k -> new ConcurrentHashMap<>());
        if (name == null) {
            names.remove(member);
        } else {
            names.put(member, name);
        }
    }

    @Override
    public Map<ChatUserId, String> shownNames(CommunityId community, Set<ChatUserId> members) {
        Map<ChatUserId, String> names = shownNames.getOrDefault(community, Map.of());
        Map<ChatUserId, String> result = new TreeMap<>(java.util.Comparator.comparing(ChatUserId::toString));
        members.stream().filter(names::containsKey).forEach(m -> result.put(m, names.get(m)));
        return result;
    }

    @Override
    public Map<String, String> exportMemberRecords(ChatUserId member) {
        Map<String, String> records = new TreeMap<>();
        rsvps.forEach((occurrence, members) -> {
            if (members.contains(member)) {
                records.put("meeting rsvp " + occurrence, "going");
            }
        });
        shownNames.forEach((community, names) -> {
            if (names.containsKey(member)) {
                records.put("meeting name consent " + community, names.get(member));
            }
        });
        return records;
    }

    @Override
    public int forgetMember(ChatUserId member) {
        int removed = 0;
        for (Set<ChatUserId> members : rsvps.values()) {
            removed += members.remove(member) ? 1 : 0;
        }
        for (Map<ChatUserId, String> names : shownNames.values()) {
            removed += names.remove(member) != null ? 1 : 0;
        }
        return removed;
    }

    @Override
    public void setAnnouncement(CommunityId community, String slug, GroupAnnouncement announcement) {
        if (announcement == null) {
            announcements.remove(community + "|" + slug);
        } else {
            announcements.put(community + "|" + slug, announcement);
        }
    }

    @Override
    public Optional<GroupAnnouncement> announcement(CommunityId community, String slug) {
        return Optional.ofNullable(announcements.get(community + "|" + slug));
    }

    @Override
    public void subscribe(ReminderSubscription s) {
        subscriptions.put(key(s.member(), s.community(), s.slug()), s);
    }

    @Override
    public Optional<ReminderSubscription> subscription(ChatUserId member, CommunityId community, String slug) {
        return Optional.ofNullable(subscriptions.get(key(member, community, slug)));
    }

    @Override
    public boolean unsubscribe(ChatUserId member, CommunityId community, String slug) {
        return subscriptions.remove(key(member, community, slug)) != null;
    }

    private static String key(ChatUserId member, CommunityId community, String slug) {
        return member + "|" + community + "|" + slug;
    }

    /**
     * This fake's part of the one move step: its community records (over Redis they move with the community's keys),
     * then the member records that name the community, like the Redis step. An open draft keeps the old id (it is
     * resolved when the moderator goes on). Repeating it changes nothing.
     */
    @Override
    public synchronized int move(CommunityId from, CommunityId to) {
        int changed = 0;
        changed += moveEntry(meetings, from, to);
        changed += moveEntry(zones, from, to);
        changed += moveEntry(feeds, from, to);
        changed += moveEntry(feedSlugs, from, to);
        changed += moveEntry(shownNames, from, to);
        String oldPrefix = from + "|";
        for (String key : List.copyOf(announcements.keySet())) {
            if (key.startsWith(oldPrefix)) {
                GroupAnnouncement a = announcements.remove(key);
                announcements.putIfAbsent(to + "|" + key.substring(oldPrefix.length()),
                        new GroupAnnouncement(a.before(), a.group().renumbered(from, to)));
                changed++;
            }
        }
        for (String key : List.copyOf(rsvps.keySet())) {
            if (key.startsWith(oldPrefix)) {
                Set<ChatUserId> going = rsvps.remove(key);
                rsvps.computeIfAbsent(to + "|" + key.substring(oldPrefix.length()), k -> ConcurrentHashMap.newKeySet())
                        .addAll(going);
                changed++;
            }
        }
        for (ReminderSubscription s : List.copyOf(subscriptions.values())) {
            if (s.community().equals(from)) {
                subscriptions.remove(key(s.member(), from, s.slug()));
                subscriptions.putIfAbsent(key(s.member(), to, s.slug()), new ReminderSubscription(s.member(), to,
                        s.slug(), s.before(), s.group().renumbered(from, to)));
                changed++;
            }
        }
        return changed;
    }

    private static <V> int moveEntry(Map<CommunityId, V> map, CommunityId from, CommunityId to) {
        V value = map.remove(from);
        if (value == null) {
            return 0;
        }
        map.putIfAbsent(to, value);
        return 1;
    }
}
