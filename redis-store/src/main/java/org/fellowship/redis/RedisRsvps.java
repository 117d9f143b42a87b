package org.fellowship.redis;

import io.lettuce.core.KeyValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;

/**
 * RSVPs and shown-name consents of {@link RedisMeetingStore}: a set of member ids per occurrence and a hash of names
 * per community, both in the community's slot. They are community keys, so each member keeps a set of references to
 * them ({@link #RSVP_REF}, {@link #NAME_REF} then the key) that {@code /export} and {@code /forget} follow.
 * Thread-safe.
 */
final class RedisRsvps {
    /** How long an RSVP set lives after its latest answer. */
    static final Duration RSVP_TTL = Duration.ofDays(10);
    static final String RSVP_REF = "rsvp|";
    static final String NAME_REF = "name|";

    private final Redis redis;
    private final MeetingKeys keys;

    RedisRsvps(Redis redis, MeetingKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    int rsvp(CommunityId community, String slug, Instant occurrence, ChatUserId member, boolean going) {
        String key = keys.rsvp(community, slug, occurrence);
        // Commands on the one connection run in order, so the count read last sees this change.
        if (going) {
            // remembered for /export and /forget: the RSVP set is a community key, not one of the member's own
            redis.call("rsvp index", c -> c.sadd(keys.memberRefs(member), RSVP_REF + key));
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

    int going(CommunityId community, String slug, Instant occurrence) {
        return redis.call("rsvp read", c -> c.scard(keys.rsvp(community, slug, occurrence))).intValue();
    }

    boolean isGoing(CommunityId community, String slug, Instant occurrence, ChatUserId member) {
        return redis.call("rsvp read", c -> c.sismember(keys.rsvp(community, slug, occurrence), member.toString()));
    }

    Set<ChatUserId> goingMembers(CommunityId community, String slug, Instant occurrence) {
        Set<String> ids = redis.call("rsvp read", c -> c.smembers(keys.rsvp(community, slug, occurrence)));
        Set<ChatUserId> members = new HashSet<>();
        for (String id : ids) {
            int colon = id.indexOf(':');
            if (colon > 0) {
                members.add(new ChatUserId(VersionedJson.platform(id.substring(0, colon)), id.substring(colon + 1)));
            }
        }
        return members;
    }

    void setShownName(CommunityId community, ChatUserId member, String name) {
        String key = keys.names(community);
        if (name == null) {
            redis.call("rsvp name write", c -> c.hdel(key, member.toString()));
        } else {
            redis.call("rsvp index", c -> c.sadd(keys.memberRefs(member), NAME_REF + key));
            redis.call("rsvp name write", c -> c.hset(key, member.toString(), name));
        }
    }

    Map<ChatUserId, String> shownNames(CommunityId community, Set<ChatUserId> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        List<ChatUserId> ordered = members.stream().sorted(Comparator.comparing(ChatUserId::toString)).toList();
        List<KeyValue<String, String>> found = redis.call("rsvp name read",
                c -> c.hmget(keys.names(community), ordered.stream().map(ChatUserId::toString).toArray(String[]::new)));
        Map<ChatUserId, String> names = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).hasValue()) {
                names.put(ordered.get(i), found.get(i).getValue());
            }
        }
        return names;
    }

    Map<String, String> exportMemberRecords(ChatUserId member) {
        Map<String, String> records = new TreeMap<>();
        for (String ref : redis.call("rsvp index", c -> c.smembers(keys.memberRefs(member)))) {
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

    int forgetMember(ChatUserId member) {
        long removed = 0;
        for (String ref : redis.call("rsvp index", c -> c.smembers(keys.memberRefs(member)))) {
            if (ref.startsWith(RSVP_REF)) {
                String key = ref.substring(RSVP_REF.length());
                removed += redis.call("rsvp forget", c -> c.srem(key, member.toString()));
            } else if (ref.startsWith(NAME_REF)) {
                String key = ref.substring(NAME_REF.length());
                removed += redis.call("rsvp forget", c -> c.hdel(key, member.toString()));
            }
        }
        redis.call("rsvp forget", c -> c.del(keys.memberRefs(member)));
        return (int) removed;
    }
}
