package org.fellowship.core.meeting;

import java.time.Duration;
import java.util.Objects;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;

/**
 * A member's wish to be reminded before each occurrence of one meeting.
 *
 * @param member    who gets the DM
 * @param community whose meeting it is
 * @param slug      the meeting
 * @param before    how long before the start, 1 minute to 24 hours
 * @param group     the group conversation they subscribed in (the DM falls back to it when the bot may not DM first)
 */
public record ReminderSubscription(ChatUserId member, CommunityId community, String slug, Duration before,
                                   ConversationId group) {
    public static final Duration MAX_BEFORE = Duration.ofHours(24);

    public ReminderSubscription {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(group, "group");
        if (before.compareTo(Duration.ofMinutes(1)) < 0 || before.compareTo(MAX_BEFORE) > 0) {
            throw new IllegalArgumentException("reminder lead time must be 1 minute to 24 hours");
        }
    }
}
