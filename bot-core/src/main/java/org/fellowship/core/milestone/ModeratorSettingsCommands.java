package org.fellowship.core.milestone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fellowship.core.command.Clip;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;

/**
 * The community's milestone settings, for moderators, sent in the group they are for: {@code /milestoneladder}
 * (the custom ladder members may pick) and {@code /milestonemorning} (the local hour celebrations are sent).
 */
final class ModeratorSettingsCommands {
    private final MilestoneStore store;

    ModeratorSettingsCommands(MilestoneStore store) {
        this.store = store;
    }

    void customLadder(Turn turn, String args) {
        CommunityId community = requireCommunity(turn);
        List<Milestone> steps = new ArrayList<>();
        for (String word : args.strip().split("[\\s,]+")) {
            if (word.isEmpty()) {
                continue;
            }
            try {
                steps.add(Milestone.parse(word));
            } catch (IllegalArgumentException e) {
                throw new UsageException("\"" + Clip.typed(word, 20)
                        + "\" isn't a step. Write steps like 1d 7d 30d 6m 1y.");
            }
        }
        if (steps.isEmpty()) {
            throw new UsageException("List the steps, e.g. /milestoneladder 1d 7d 30d 100d 6m 1y.");
        }
        Ladder ladder;
        try {
            ladder = Ladder.custom(steps);
        } catch (IllegalArgumentException e) {
            throw new UsageException("A ladder has at most " + Ladder.MAX_STEPS + " steps.");
        }
        store.saveCommunity(settings(community).withCustomLadder(ladder.steps()));
        turn.reply("Custom ladder set: " + ladder.describeSteps() + ", then every year. Members can pick it with "
                + "/milestones ladder custom.");
    }

    void morning(Turn turn, String args) {
        CommunityId community = requireCommunity(turn);
        int hour;
        try {
            hour = Integer.parseInt(args.strip());
        } catch (NumberFormatException e) {
            hour = -1;
        }
        if (hour < 0 || hour > 23) {
            throw new UsageException("Give an hour from 0 to 23, e.g. /milestonemorning 9.");
        }
        store.saveCommunity(settings(community).withMorningHour(hour));
        turn.reply(String.format(Locale.ROOT, "Milestones will be celebrated at %02d:00 in each member's own time "
                + "zone (from their next milestone on).", hour));
    }

    private CommunityMilestones settings(CommunityId community) {
        return store.community(community).orElseGet(() -> CommunityMilestones.defaults(community));
    }

    private static CommunityId requireCommunity(Turn turn) {
        CommunityId community = turn.conversation().community();
        if (community == null) {
            throw new UsageException("Send this in the group it is for.");
        }
        return community;
    }
}
