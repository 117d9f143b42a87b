package org.fellowship.core.milestone;

import java.util.Objects;
import org.fellowship.core.model.Access;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;

/**
 * Clean dates and milestones: {@code /cleandate}, {@code /cleantime}, {@code /milestones}, {@code /reset} and the
 * moderator commands {@code /milestoneladder} and {@code /milestonemorning}; celebrations run from the due-queue
 * ({@link MilestoneAnnouncer}).
 *
 * <p>Clean time is counted on local dates in the member's zone ({@link Turn#zone()}); the clean date is day 1
 * ({@link CleanTime}). Milestone dates follow {@link Milestone}. Dates are private: replies about them go to the
 * member privately, except {@code /cleantime} in a group by a member who opted into sharing, which shows their
 * clean time (never the date) in the group.
 *
 * <p>This class only wires the parts together and registers them; each command family is a class of its own in this
 * package.
 */
public final class MilestoneFeature implements Feature {
    private final MilestoneStore store;

    public MilestoneFeature(MilestoneStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void install(FeatureRegistry registry, BotContext context) {
        MilestoneScheduler scheduler = new MilestoneScheduler(context.dueQueue(), store);
        MemberLookup members = new MemberLookup(store);
        CleanDateCommands cleanDates = new CleanDateCommands(store, scheduler, members);
        MemberSettingsCommands memberSettings = new MemberSettingsCommands(store, scheduler, members);
        ModeratorSettingsCommands moderatorSettings = new ModeratorSettingsCommands(store);

        registry.command("cleandate", "[label] <date>", "Set your clean date, e.g. /cleandate 2024-03-15",
                Access.EVERYONE, cleanDates::cleandate);
        registry.command("cleantime", "", "Show your clean time (" + CleanTime.CONVENTION + ")", Access.EVERYONE,
                cleanDates::cleantime);
        registry.command("milestones", "[announce on|off | ladder default|aa|na|custom]",
                "Your milestone settings: group announcements and ladder", Access.EVERYONE, memberSettings.router());
        registry.command("reset", "[label]", "Restart your clean time from today (kept private)", Access.EVERYONE,
                cleanDates::reset);
        registry.command("milestoneladder", "<steps, e.g. 1d 7d 30d 6m 1y>",
                "Moderators: set this community's custom milestone ladder", Access.MODERATOR,
                moderatorSettings::customLadder);
        registry.command("milestonemorning", "<hour 0-23>",
                "Moderators: the local hour milestones are celebrated", Access.MODERATOR, moderatorSettings::morning);
        registry.button(CleanDateCommands.RESET_BUTTON, cleanDates::resetPressed);
        registry.due(new MilestoneAnnouncer(store, scheduler, context));
    }
}
