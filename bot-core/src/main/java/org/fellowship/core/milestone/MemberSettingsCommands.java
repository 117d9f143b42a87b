package org.fellowship.core.milestone;

import java.time.LocalDate;
import java.util.Locale;
import org.fellowship.core.command.FirstWord;
import org.fellowship.core.command.OnOff;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Subcommands;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;

/**
 * {@code /milestones}: shows the member's ladder and sharing choice; {@code announce on|off} opts into group
 * announcements, {@code ladder default|aa|na|custom} picks a ladder. Either change re-queues the member's milestones.
 */
final class MemberSettingsCommands {
    private final MilestoneStore store;
    private final MilestoneScheduler scheduler;
    private final MemberLookup members;

    MemberSettingsCommands(MilestoneStore store, MilestoneScheduler scheduler, MemberLookup members) {
        this.store = store;
        this.scheduler = scheduler;
        this.members = members;
    }

    /** The {@code /milestones} handler: no words shows the settings, anything unknown is a usage error. */
    Subcommands router() {
        return Subcommands.of("milestones")
                .bare(this::showSettings)
                .sub("announce", (turn, rest) -> announce(turn, oneValue(rest)))
                .sub("ladder", (turn, rest) -> ladder(turn, oneValue(rest)))
                .otherwise((turn, args) -> {
                    throw milestonesUsage();
                });
    }

    /** The one word after {@code /milestones announce} or {@code ladder}, in lower case. */
    private static String oneValue(String rest) {
        if (rest.isEmpty() || !FirstWord.of(rest).rest().isEmpty()) {
            throw milestonesUsage();
        }
        return rest.toLowerCase(Locale.ROOT);
    }

    private static UsageException milestonesUsage() {
        return new UsageException("Try /milestones announce on, or /milestones ladder aa.");
    }

    private void showSettings(Turn turn) {
        MemberMilestones m = members.mine(turn);
        String sharing = m.sharing() ? "announced in your group (name and milestone, never the date)"
                : "private (only you are congratulated)";
        turn.replyPrivately("Ladder: " + describeChoice(m) + ". Milestones are " + sharing + ".\n"
                + "Change with /milestones announce on|off or /milestones ladder default|aa|na|custom.");
    }

    private String describeChoice(MemberMilestones m) {
        Ladder ladder = scheduler.ladderOf(m);
        return ladder.name() + " (" + ladder.describeSteps() + ", then every year)";
    }

    private void announce(Turn turn, String value) {
        boolean on = OnOff.parse(value, "/milestones announce on");
        if (on && turn.conversation().isDirect()) {
            throw new UsageException("Send /milestones announce on in the group where you'd like your "
                    + "milestones shared.");
        }
        MemberMilestones before = members.mine(turn);
        MemberMilestones after;
        String reply;
        if (on) {
            after = before.withAnnouncements(new Announcements(turn.conversation().id(),
                    turn.conversation().community(), turn.actor().displayName()));
            reply = "Your milestones will be celebrated in this group as \"" + turn.actor().displayName()
                    + "\" with the milestone only, never your date. Turn it off any time: /milestones announce off";
        } else {
            after = before.withAnnouncements(null);
            reply = "Milestone announcements are off. You'll still get a private congratulation.";
        }
        replace(turn, before, after);
        turn.replyPrivately(reply);
    }

    private void ladder(Turn turn, String value) {
        LadderChoice choice = LadderChoice.parse(value).orElseThrow(() ->
                new UsageException("I know the ladders default, aa, na and custom, e.g. /milestones ladder aa."));
        CommunityId community = null;
        if (choice == LadderChoice.CUSTOM) {
            community = turn.conversation().community();
            if (community == null) {
                throw new UsageException("Choose the custom ladder in the group whose ladder you want to follow.");
            }
            if (store.community(community).map(c -> c.customLadder().isEmpty()).orElse(true)) {
                throw new UsageException("This group has no custom ladder yet; a moderator can set one with "
                        + "/milestoneladder.");
            }
        }
        MemberMilestones before = members.mine(turn);
        MemberMilestones after = replace(turn, before, before.withLadder(choice, community));
        turn.replyPrivately("You now follow the " + describeChoice(after) + ".");
    }

    /** Saves changed settings, re-queuing every clean date: where and when its next milestone is sent may change. */
    private MemberMilestones replace(Turn turn, MemberMilestones before, MemberMilestones after) {
        LocalDate today = MemberLookup.today(turn);
        scheduler.cancelAll(before, today.plusDays(1));
        store.save(after);
        scheduler.scheduleAll(after, today.plusDays(1), turn.zone(), turn.now());
        return after;
    }
}
