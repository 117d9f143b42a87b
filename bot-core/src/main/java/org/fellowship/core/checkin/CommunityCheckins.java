package org.fellowship.core.checkin;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;

/**
 * A community's check-in settings (set by its moderators).
 *
 * @param community   which community
 * @param defaultTime the prompt time of {@code /checkin on} without a time
 * @param summary     the daily anonymous group summary is on
 * @param summaryChat where the summary is posted, or {@code null} when off
 * @param summaryTime local time of the summary post, in {@code zone}
 * @param zone        the zone of the moderator who set the summary
 */
public record CommunityCheckins(CommunityId community, LocalTime defaultTime, boolean summary,
                                ConversationId summaryChat, LocalTime summaryTime, ZoneId zone) {
    public static final LocalTime DEFAULT_TIME = LocalTime.of(20, 0);
    public static final LocalTime DEFAULT_SUMMARY_TIME = LocalTime.of(21, 0);

    public CommunityCheckins {
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(defaultTime, "defaultTime");
        Objects.requireNonNull(summaryTime, "summaryTime");
        Objects.requireNonNull(zone, "zone");
    }

    public static CommunityCheckins defaults(CommunityId community) {
        return new CommunityCheckins(community, DEFAULT_TIME, false, null, DEFAULT_SUMMARY_TIME, ZoneId.of("UTC"));
    }

    public CommunityCheckins withDefaultTime(LocalTime time) {
        return new CommunityCheckins(community, time, summary, summaryChat, summaryTime, zone);
    }

    public CommunityCheckins withSummary(boolean on, ConversationId chat, ZoneId z) {
        return new CommunityCheckins(community, defaultTime, on, on ? chat : null, summaryTime, z);
    }
}
