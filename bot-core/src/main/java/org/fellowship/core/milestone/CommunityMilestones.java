package org.fellowship.core.milestone;

import java.util.List;
import java.util.Objects;
import org.fellowship.core.model.CommunityId;

/**
 * A community's milestone settings, set by its moderators.
 *
 * @param community   the community
 * @param customLadder the custom ladder's explicit steps (empty until a moderator sets one)
 * @param morningHour local hour (0-23, in each member's own zone) when milestones are celebrated
 */
public record CommunityMilestones(CommunityId community, List<Milestone> customLadder, int morningHour) {
    public static final int DEFAULT_MORNING_HOUR = 9;

    public CommunityMilestones {
        Objects.requireNonNull(community, "community");
        customLadder = customLadder == null ? List.of() : List.copyOf(customLadder);
        if (morningHour < 0 || morningHour > 23) {
            throw new IllegalArgumentException("morning hour must be 0-23");
        }
    }

    public static CommunityMilestones defaults(CommunityId community) {
        return new CommunityMilestones(community, List.of(), DEFAULT_MORNING_HOUR);
    }

    public CommunityMilestones withCustomLadder(List<Milestone> steps) {
        return new CommunityMilestones(community, steps, morningHour);
    }

    public CommunityMilestones withMorningHour(int hour) {
        return new CommunityMilestones(community, customLadder, hour);
    }
}
