package org.fellowship.core.safety;

import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.command.CommandNames;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.store.ButtonAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member's answers to a crisis reply or a follow-up: yes to a mentor, not now, the lines again, or no more
 * check-ins. Any answer drops the rest of that offer's follow-ups.
 */
final class OfferButtons {
    private static final String HELP_NOW = CommandNames.HELP_NOW;
    private static final Logger LOG = LoggerFactory.getLogger(OfferButtons.class);

    private final MentorPager pager;
    private final FollowUps followUps;
    private final ResourcesCommand resources;

    OfferButtons(MentorPager pager, FollowUps followUps, ResourcesCommand resources) {
        this.pager = pager;
        this.followUps = followUps;
        this.resources = resources;
    }

    /** "Yes, connect me with a mentor": the chain is asked, and the member told truthfully who it reached. */
    void yes(Turn turn, ButtonAction action) {
        followUps.cancel(turn, action);
        connectMentor(turn, action.get("category"));
    }

    void notNow(Turn turn, ButtonAction action) {
        followUps.cancel(turn, action);
        turn.replyPrivately("Okay. I'm glad you're here. " + HELP_NOW + " brings this back any time, day or night.");
    }

    void lines(Turn turn, ButtonAction action) {
        resources.run(turn, "");
    }

    void noFollowUps(Turn turn, ButtonAction action) {
        followUps.cancel(turn, action);
        turn.saveProfile(turn.profile().withFollowUps(false));
        turn.replyPrivately("Okay, I won't check in after this. " + HELP_NOW + " is here any time.");
    }

    private void connectMentor(Turn turn, String categoryName) {
        CrisisCategory category = categoryName == null ? null : CrisisCategory.parse(categoryName);
        MentorPager.Reached reached;
        try {
            reached = pager.requestMentor(turn, category);
        } catch (RuntimeException e) {
            LOG.error("mentor request failed for event {}", turn.event().dedupeKey(), e);
            reached = MentorPager.Reached.NOBODY;
        }
        switch (reached) {
            case MENTOR -> turn.replyPrivately("Thank you for letting me. I've asked the mentors on call to reach out "
                    + "to you here. While you wait, the lines above are there for you too.");
            case MODERATORS -> turn.replyPrivately("No mentor is on call right now. The lines above answer any time, "
                    + "day or night, and I've let the moderators know.");
            default -> turn.replyPrivately("I'm sorry: no mentor can be reached through me right now. Please use one "
                    + "of the lines above; the people there are trained for exactly this and want to hear from you.");
        }
    }
}
