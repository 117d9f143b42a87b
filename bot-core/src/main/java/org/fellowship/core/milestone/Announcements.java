package org.fellowship.core.milestone;

import java.util.Objects;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;

/**
 * A member's opt-in to share milestones in one group: the group, its community and the name they are shown by
 * (stored only because they opted in). Announcements show the name and the milestone, never the date.
 *
 * @param group     where announcements are posted
 * @param community the group's community (its morning hour applies)
 * @param name      the display name at opt-in time
 */
public record Announcements(ConversationId group, CommunityId community, String name) {
    public Announcements {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(name, "name");
    }
}
