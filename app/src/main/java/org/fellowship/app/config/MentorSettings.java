package org.fellowship.app.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fellowship.core.mentor.EscalationPolicy;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mentor chain.
 *
 * @param communities the fellowship's own groups as {@code tg:<chat id>} or {@code dc:<server id>}: only their mentors
 *                    go on call, only their moderators set tiers and the moderators' channel, and only their members
 *                    (and anyone writing to the bot privately) are offered a mentor. Empty: every group the bot is in,
 *                    which lets the admin of any group that adds the bot shape the chain, so set it in production.
 * @param tierDelay     how long a tier has to acknowledge before the next is paged
 * @param reminderDelay the first reminder to an alert's holder
 * @param repeatDelays  after the last tier, the delays between repeats (the last one repeats)
 * @param giveUpAfter   after this, one final notice and no more pages or reminders about an alert
 * @param followUps     when a member who neither accepted nor declined a mentor offer hears from the bot again
 */
@ConfigurationProperties("fellowship.mentors")
public record MentorSettings(List<String> communities, @DefaultValue("5m") Duration tierDelay,
                             @DefaultValue("15m") Duration reminderDelay,
                             @DefaultValue({"5m", "15m", "45m", "3h"}) List<Duration> repeatDelays,
                             @DefaultValue("24h") Duration giveUpAfter,
                             @DefaultValue({"30m", "1d"}) List<Duration> followUps) {
    @ConstructorBinding
    public MentorSettings {
        communities = communities == null ? List.of() : List.copyOf(communities);
        fellowship(communities); // fail at start-up on a malformed entry
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
        escalation(tierDelay, reminderDelay, repeatDelays, giveUpAfter, followUps); // fail at start-up when invalid
    }

    /** Settings with every default but the groups (tests, local modes). */
    public MentorSettings(List<String> communities) {
        this(communities, Duration.ofMinutes(5), Duration.ofMinutes(15), EscalationPolicy.defaults().repeatDelays(),
                Duration.ofHours(24), EscalationPolicy.defaults().followUps());
    }

    /** The chain's timing and bounds. */
    public EscalationPolicy escalation() {
        return escalation(tierDelay, reminderDelay, repeatDelays, giveUpAfter, followUps);
    }

    private static EscalationPolicy escalation(Duration tier, Duration reminder, List<Duration> repeats,
                                               Duration giveUp, List<Duration> followUps) {
        try {
            if (giveUp.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("at most 7 days");
            }
            return new EscalationPolicy(tier, reminder, repeats == null ? List.of() : repeats, giveUp, followUps);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("fellowship.mentors: tier-delay, reminder-delay, repeat-delays, "
                    + "give-up-after (at most 7 days) and follow-ups must be positive durations: " + e.getMessage(), e);
        }
    }

    /** The configured groups. */
    public Set<CommunityId> fellowship() {
        return fellowship(communities);
    }

    private static Set<CommunityId> fellowship(List<String> entries) {
        Set<CommunityId> ids = new LinkedHashSet<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            Platform platform = null;
            for (Platform p : Platform.values()) {
                if (colon > 0 && p.code().equals(e.substring(0, colon))) {
                    platform = p;
                }
            }
            if (platform == null || !e.substring(colon + 1).matches("-?\\d{1,20}")) {
                throw new IllegalArgumentException("fellowship.mentors.communities: '" + e + "' is not tg:<chat id> "
                        + "or dc:<server id>");
            }
            ids.add(new CommunityId(platform, e.substring(colon + 1)));
        }
        return Set.copyOf(ids);
    }
}
