package org.fellowship.redis;

import java.time.Instant;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;

/**
 * The Redis keys of meetings: per community (in its slot) the meetings hash, the settings hash, the RSVP sets and the
 * shown-name consents; per member (in their slot) reminder subscriptions, the {@code /meetings add} draft and the
 * references to the community keys that hold their RSVPs and names. Immutable.
 */
final class MeetingKeys {
    /** Separates a draft's answers (control characters are removed from answers before they are saved). */
    static final String DRAFT_SEPARATOR = "\u001f";

    private final KeySchema keys;

    MeetingKeys(KeySchema keys) {
        this.keys = keys;
    }

    String meetings(CommunityId community) {
        return keys.community(community, "meetings");
    }

    String settings(CommunityId community) {
        return keys.community(community, "meeting-settings");
    }

    String subscription(ChatUserId member, CommunityId community, String slug) {
        return keys.user(member, "meeting-reminder:" + community + ":" + slug);
    }

    String rsvp(CommunityId community, String slug, Instant occurrence) {
        return keys.community(community, "rsvp:" + slug + ":" + occurrence.toEpochMilli());
    }

    String draft(ChatUserId moderator) {
        return keys.user(moderator, "meeting-draft");
    }

    String memberRefs(ChatUserId member) {
        return keys.user(member, "meeting-refs");
    }

    String names(CommunityId community) {
        return keys.community(community, "rsvp-names");
    }
}
