package org.fellowship.core.safety;

import java.util.List;
import java.util.Map;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;

/**
 * The private crisis reply: warm words, the crisis lines for the member's country and, where the chain serves the
 * chat, an offer of a mentor that says truthfully who was already asked. Also {@code /help_now}, which is the same
 * reply asked for directly.
 */
final class CrisisReply {
    private final PolicyLookup policies;
    private final CrisisResources resources;
    private final MentorPager pager;
    private final FollowUps followUps;

    CrisisReply(PolicyLookup policies, CrisisResources resources, MentorPager pager, FollowUps followUps) {
        this.policies = policies;
        this.resources = resources;
        this.pager = pager;
        this.followUps = followUps;
    }

    /** {@code /help_now}: the reply, and follow-ups when it offered a mentor. */
    void helpNow(Turn turn, String args) {
        if (send(turn, null, "You asked for help, and that takes courage. I'm here.", null)) {
            followUps.schedule(turn);
        }
    }

    /**
     * The private crisis reply; {@code true} when it offered a mentor (with buttons).
     *
     * @param paged who a group message already reached, or {@code null} when nobody was paged yet
     */
    boolean send(Turn turn, CrisisCategory category, String opening, MentorPager.Reached paged) {
        CommunityPolicy policy = policies.of(turn);
        String country = PolicyLookup.countryFor(turn, policy);
        StringBuilder text = new StringBuilder(opening).append("\n\nIf you might act on these thoughts or are in "
                + "danger, please call one of these now. They are free and there any time:\n");
        for (String line : policy.resources(resources).linesFor(country)) {
            text.append("\u2022 ").append(line).append('\n');
        }
        if (!servedByMentors(turn)) {
            // a group outside the fellowship: its members get the lines, and no offer of mentors they don't know
            text.append("\nYou can also write to me here any time; /resources brings these lines back.");
            urgent(turn, text.toString(), List.of());
            return false;
        }
        if (paged == MentorPager.Reached.MENTOR) {
            text.append("\nBecause you wrote this in the group, I've asked a mentor to check on you; they see a few "
                    + "words of your message and where you wrote it, nothing else. Would you like them to reach out to "
                    + "you here now?");
        } else if (paged == MentorPager.Reached.MODERATORS) {
            text.append("\nNo mentor is on call right now, so I've let the moderators know you may need someone. "
                    + "Would you like me to connect you with a mentor as soon as one can be reached?");
        } else {
            text.append("\nWould you like me to connect you with a mentor from ")
                    .append(turn.conversation().isDirect() ? "the community" : "this group").append(" now?");
            if (category != null) {
                text.append(" They would see a few words of your message and where you wrote it, nothing else.");
            }
        }
        Map<String, String> data = offerData(turn, category);
        List<ButtonRow> buttons = List.of(ButtonRow.of(
                turn.button("Yes, connect me with a mentor", CrisisFeature.MENTOR_BUTTON, data),
                turn.button("Not now", CrisisFeature.OK_BUTTON, data)));
        urgent(turn, text.toString(), buttons);
        return true;
    }

    /** What the offer's buttons carry: the category and the offer's time, which names its follow-ups. */
    private static Map<String, String> offerData(Turn turn, CrisisCategory category) {
        String offer = Long.toString(turn.now().toEpochMilli());
        return category == null ? Map.of("offer", offer) : Map.of("category", category.name(), "offer", offer);
    }

    /** Whether members in this turn's chat may be offered a mentor; {@code true} when the chain cannot tell. */
    boolean servedByMentors(Turn turn) {
        try {
            return pager.serves(turn);
        } catch (RuntimeException e) {
            return true; // offering and then saying honestly that nobody can be reached beats offering nothing
        }
    }

    /** A private reply that rate-limited adapters send before anything else. */
    private static void urgent(Turn turn, String text, List<ButtonRow> buttons) {
        turn.send(new OutboundMessage(turn.conversation().id(), text, TextStyle.PLAIN, buttons,
                turn.conversation().isDirect() ? turn.triggeringMessage() : null, Delivery.PRIVATE, turn.actor().id(),
                Priority.URGENT));
    }
}
