package org.fellowship.moderation;

import java.time.Instant;
import java.util.Objects;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;

/**
 * A warning given to a member in a community.
 *
 * @param id         the case number it was recorded under (unique in the community)
 * @param moderator  who gave it, or {@code null} when a rule did
 * @param points     how much it counts towards the ladder
 * @param reason     why (shown to the member privately)
 * @param expiresAt  when its points stop counting
 */
public record Warning(CommunityId community, ChatUserId member, long id, ChatUserId moderator, int points,
                      String reason, Instant at, Instant expiresAt) {
    public Warning {
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (points < 1) {
            throw new IllegalArgumentException("points must be positive");
        }
    }

    public boolean activeAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
