package org.fellowship.core.meeting;

import java.time.Duration;
import java.util.Objects;
import org.fellowship.core.model.ConversationId;

/**
 * A community's wish to post a reminder in a group chat before each occurrence of a meeting.
 *
 * @param before how long before the start, 1 minute to 24 hours
 * @param group  the group conversation to post in
 */
public record GroupAnnouncement(Duration before, ConversationId group) {
    public GroupAnnouncement {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(group, "group");
        if (before.compareTo(Duration.ofMinutes(1)) < 0 || before.compareTo(ReminderSubscription.MAX_BEFORE) > 0) {
            throw new IllegalArgumentException("announcement lead time must be 1 minute to 24 hours");
        }
    }
}
