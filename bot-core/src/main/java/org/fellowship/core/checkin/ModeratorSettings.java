package org.fellowship.core.checkin;

import java.time.LocalTime;
import org.fellowship.core.command.OnOff;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;

/**
 * The moderators' {@code /checkin} settings for their group: {@code default HH:MM} (the prompt time new members get)
 * and {@code summary on|off} (the daily anonymous count). Sent in the group they are for, by its moderators only
 * (the command's router checks that and calls {@link #refuse} for anyone else).
 */
final class ModeratorSettings {
    private final CheckinStore store;
    private final GroupSummary summary;

    ModeratorSettings(CheckinStore store, GroupSummary summary) {
        this.store = store;
        this.summary = summary;
    }

    /** {@code /checkin default HH:MM}. */
    void defaultTime(Turn turn, String value) {
        CommunityId community = groupOf(turn);
        LocalTime time = CheckinInput.parseTime(value);
        CommunityCheckins c = store.community(community).orElseGet(() -> CommunityCheckins.defaults(community));
        store.saveCommunity(c.withDefaultTime(time));
        turn.reply("New check-ins in this community default to " + time + " in each member's own time zone.");
    }

    /** {@code /checkin summary on|off}. */
    void summary(Turn turn, String value) {
        CommunityId community = groupOf(turn);
        boolean on = OnOff.parse(value, "/checkin summary on");
        CommunityCheckins c = store.community(community).orElseGet(() -> CommunityCheckins.defaults(community))
                .withSummary(on, turn.conversation().id(), turn.zone());
        store.saveCommunity(c);
        if (on) {
            summary.schedule(c, PromptTimes.firstDay(turn.now(), c.summaryTime(), c.zone()));
        }
        turn.reply(on ? "Every evening at " + c.summaryTime() + " (" + c.zone().getId() + ") I'll post how many members "
                + "checked in today: only the number, never names or answers, and only when at least "
                + GroupSummary.K_ANONYMITY + " did." : "The daily check-in summary is off.");
    }

    /** What a member who is not a moderator is told: outside a group, first where to send it, as the settings say. */
    static void refuse(Turn turn, String command) {
        groupOf(turn);
        throw new UsageException("Only moderators of this group can change its check-in settings.");
    }

    private static CommunityId groupOf(Turn turn) {
        CommunityId community = turn.conversation().community();
        if (community == null) {
            throw new UsageException("Send this in the group it is for.");
        }
        return community;
    }
}
